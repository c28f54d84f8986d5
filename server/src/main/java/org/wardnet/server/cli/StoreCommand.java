package org.wardnet.server.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;
import org.wardnet.core.audit.AuditChain;
import org.wardnet.server.audit.AuditStores;
import org.wardnet.storage.Database;
import org.wardnet.storage.StoreLease;
import org.wardnet.storage.StoreOpenException;
import org.wardnet.storage.access.JdbcAuditStore;
import org.wardnet.storage.copy.StoreCopy;

/**
 * {@code wardnet store copy --from DIR --to URL [--to-user USER] [--into-non-empty] [--batch N]}:
 * copies the H2 store under DIR into the database at URL (an empty PostgreSQL database), password
 * from {@code WARDNET_STORE_PASSWORD}. Both stores are migrated to this version first; the target
 * is held under the store lease for the copy, so no server starts on it meanwhile. Interrupted, a
 * second run resumes. At the end: rows per table compared, the target's audit trail walked and its
 * last hash compared with the source's. Exit 0 when all holds, 3 when the audit trail does not,
 * 1 when a store cannot be opened or the copy fails, 2 on bad usage.
 */
final class StoreCommand {

    static final String USAGE = "usage: wardnet store copy --from DIR --to JDBC_URL [--to-user USER] [--into-non-empty]"
            + " [--batch ROWS]\n  copies the H2 store under DIR (server stopped) into an empty database at JDBC_URL;"
            + " its password from WARDNET_STORE_PASSWORD. Run it again to resume an interrupted copy.";

    private StoreCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        Path from = null;
        String to = null;
        String user = WardnetKeys.STORE_USERNAME.defaultValue();
        boolean intoNonEmpty = false;
        int batch = 5_000;
        if (java.util.Arrays.asList(args).contains("--help")) {
            out.println(USAGE);
            return 0;
        }
        try {
            if (args.length == 0 || !args[0].equals("copy")) {
                throw new IllegalArgumentException("store needs a subcommand: copy");
            }
            for (int i = 1; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--into-non-empty")) {
                    intoNonEmpty = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + option + " needs a value");
                }
                String value = args[++i];
                switch (option) {
                    case "--from" -> from = Path.of(value);
                    case "--to" -> to = value;
                    case "--to-user" -> user = value;
                    case "--batch" -> batch = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option '" + option + "'");
                }
            }
            if (from == null || to == null) {
                throw new IllegalArgumentException("store copy needs --from DIR and --to JDBC_URL");
            }
            if (!to.startsWith("jdbc:")) {
                throw new IllegalArgumentException("--to takes a JDBC URL (jdbc:postgresql://HOST:PORT/DB), got '" + to + "'");
            }
            if (batch < 1) {
                throw new IllegalArgumentException("--batch takes a positive number of rows");
            }
        } catch (IllegalArgumentException e) {
            err.println("wardnet: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (!Files.isRegularFile(from.resolve("wardnet.mv.db"))) {
            err.println("wardnet: no Wardnet store in " + from + " (no wardnet.mv.db; --from names a server's --data DIR)");
            return 1;
        }
        WardnetConfig source = WardnetConfig.defaults().with(WardnetKeys.STORE_DATA_DIR, from.toString());
        WardnetConfig target = WardnetConfig.defaults().with(WardnetKeys.STORE_DATA_DIR, from.toString())
                .with(WardnetKeys.STORE_JDBC_URL, to).with(WardnetKeys.STORE_USERNAME, user)
                .with(WardnetKeys.STORE_PASSWORD, env.getOrDefault("WARDNET_STORE_PASSWORD", ""));
        try (Database in = Database.open(source); Database into = Database.open(target);
                StoreLease lease = StoreLease.acquire(into.dataSource(), "store copy " + StoreLease.thisProcess(),
                        Clock.systemUTC())) {
            AuditStores.close(AuditStores.open(source, in)); // what the source's journal holds, indexed first
            long folded = AuditStores.foldJournal(source, in); // the target has no journal: the entries themselves
            if (folded > 0) {
                out.printf("folded %,d audit entries from the source's journal into its database (the copy has no"
                        + " journal to point into)%n", folded);
            }
            out.println("copying " + in.description() + " into " + into.description() + ", " + batch
                    + " rows a transaction");
            StoreCopy.Result result = new StoreCopy(in, into, batch, out).run(intoNonEmpty);
            long rows = result.rows().values().stream().mapToLong(Long::longValue).sum();
            JdbcAuditStore sourceTrail = new JdbcAuditStore(in.dataSource());
            AuditCommand.Paged copied = new AuditCommand.Paged(new JdbcAuditStore(into.dataSource()));
            Optional<AuditChain.Break> broken = AuditChain.firstBreak(copied);
            if (broken.isPresent()) {
                out.println("the copied audit trail is broken at entry " + broken.get().seq() + ": "
                        + broken.get().reason());
                return 3;
            }
            String sourceLast = sourceTrail.head().hash();
            if (sourceLast != null && !sourceLast.equals(copied.last())) {
                out.println("the copied audit trail ends at " + copied.last() + ", the source's at " + sourceLast);
                return 3;
            }
            out.printf("copied %,d rows in %d tables; row counts match; the audit trail holds (%,d entries%s)%n",
                    rows, result.rows().size(), copied.count(), copied.last() == null ? "" : ", last hash "
                            + copied.last());
            out.println("next: start the server with --set store.jdbcUrl=" + to + " and the same key that seals"
                    + " camera passwords (" + from.resolve("secret.key") + ": keep it in the server's --data DIR, or"
                    + " point store.secretKeyFile at it)");
            return 0;
        } catch (StoreOpenException e) {
            err.println("wardnet: " + e.getMessage());
            return 1;
        } catch (java.io.IOException e) {
            err.println("wardnet: cannot read the source's audit journal: " + e.getMessage());
            return 1;
        } catch (SQLException e) {
            err.println("wardnet: the copy stopped: " + e.getMessage() + " (committed batches stay; run it again to"
                    + " resume)");
            return 1;
        }
    }
}
