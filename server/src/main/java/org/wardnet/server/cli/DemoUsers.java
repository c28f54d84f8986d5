package org.wardnet.server.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wardnet.app.access.Accounts;
import org.wardnet.core.access.Grant;
import org.wardnet.core.access.Principal;
import org.wardnet.core.access.Role;
import org.wardnet.core.registry.ListQuery;
import org.wardnet.core.registry.Site;
import org.wardnet.core.registry.Tier;
import org.wardnet.server.WardnetServer;

/**
 * The demo's people: an operator, an installer, an investigator and a viewer in each of two
 * substations, each with a random password and an API token, printed with shell lines that make
 * trying the API as each of them one command. Passwords are random per store, never fixed.
 */
final class DemoUsers {

    private static final List<Role> ROLES = List.of(Role.OPERATOR, Role.INSTALLER, Role.INVESTIGATOR, Role.VIEWER);

    /** A made user: name, grant, password and token. */
    record Made(String name, Grant grant, String password, String token) {
    }

    private DemoUsers() {
    }

    /** A random password of 16 letters and digits for the demo's administrator. */
    static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /**
     * Creates the users in the first two substations, and an API token for the administrator.
     * Skipped (empty) unless this start made the store's first user: on an older store the
     * passwords are not known any more.
     */
    static List<Made> create(WardnetServer server, String adminUser) {
        Accounts accounts = server.accounts();
        List<Site> substations = server.registry().queries().sites(new ListQuery(null, 2, null, null),
                Tier.SUBSTATION).items();
        List<Made> made = new ArrayList<>();
        if (!server.adminCreated()) {
            return made;
        }
        Principal admin = new Principal(adminUser, List.of(new Grant(Role.ADMIN, Grant.DISTRICT)), "demo", false);
        made.add(new Made(adminUser, new Grant(Role.ADMIN, Grant.DISTRICT), null,
                accounts.createToken(admin, adminUser, "demo tour", null).secret()));
        for (Site substation : substations) {
            for (Role role : ROLES) {
                String name = role.wireName() + "-" + substation.id();
                if (accounts.find(name).isPresent()) {
                    continue;
                }
                String password = randomPassword();
                Grant grant = new Grant(role, substation.id());
                accounts.createUser(name, password, List.of(grant), false);
                made.add(new Made(name, grant, password, accounts.createToken(admin, name, "demo tour", null).secret()));
            }
        }
        return made;
    }

    /** The shell lines of the tour: trust the certificate, tokens in variables, and a curl that uses them. */
    static void printAccess(String base, Path certificate, String adminUser, String adminPassword, List<Made> users,
            String cameraOfFirst, String cameraOfSecond, PrintStream out) {
        out.println();
        if (users.isEmpty()) {
            out.println("Users: the store had them already; log in with POST " + base + "/api/v1/login.");
            return;
        }
        out.println("Users (demo passwords, random for this store; '" + adminUser + "' password: " + adminPassword + "):");
        for (Made user : users) {
            if (user.password() != null) {
                out.printf("  %-22s %-26s password %s%n", user.name(), user.grant(), user.password());
            }
        }
        out.println("Paste into a shell to call the API as them" + (certificate == null ? ":"
                : " (HTTPS with the demo's self-signed certificate):"));
        if (certificate != null) {
            out.println("  export WARDNET_CA_FILE=" + certificate);
        }
        for (Made user : users) {
            out.println("  export " + variable(user.name()) + "=" + user.token());
        }
        out.println("  export WARDNET_TOKEN=$" + variable(adminUser));
        out.println("  wcurl() { curl -sS " + (certificate == null ? "" : "--cacert \"$WARDNET_CA_FILE\" ")
                + "-H \"Authorization: Bearer ${AS:-$WARDNET_TOKEN}\" \"$@\"; echo; }");
        if (cameraOfFirst != null && cameraOfSecond != null && users.size() > 4) {
            String investigator = variable(users.stream().filter(u -> u.grant().role() == Role.INVESTIGATOR)
                    .findFirst().orElseThrow().name());
            out.println("Scoped access: an investigator of " + users.get(1).grant().siteId() + " sees its cameras,"
                    + " and another substation's answer 404:");
            out.println("  AS=$" + investigator + " wcurl " + base + "/api/v1/cameras/" + cameraOfFirst);
            out.println("  AS=$" + investigator + " wcurl " + base + "/api/v1/cameras/" + cameraOfSecond);
            out.println("  AS=$" + investigator + " wcurl -X POST " + base + "/api/v1/sites -d '{}'   # 403: no such role");
            out.println("  wcurl '" + base + "/api/v1/audit?limit=5'                 # who did what, hash-chained");
        }
    }

    private static String variable(String user) {
        return user.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
