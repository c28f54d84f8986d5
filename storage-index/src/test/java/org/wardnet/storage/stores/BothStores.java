package org.wardnet.storage.stores;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.wardnet.config.WardnetConfig;
import org.wardnet.config.WardnetKeys;

/**
 * Runs a {@link StoreTest} on each store: H2 in a scratch directory (deleted afterwards), and
 * PostgreSQL on one scratch server for the whole test run (started on first use, stopped when the
 * run ends), each run in a fresh database.
 */
public final class BothStores implements TestTemplateInvocationContextProvider {

    static final String H2 = "H2";
    static final String POSTGRES = "PostgreSQL";

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Stream.of(invocation(H2), invocation(POSTGRES));
    }

    private static TestTemplateInvocationContext invocation(String store) {
        return new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int index) {
                return "[" + store + "]";
            }

            @Override
            public List<org.junit.jupiter.api.extension.Extension> getAdditionalExtensions() {
                return List.of(new Resolver(store));
            }
        };
    }

    /** Gives the test its store, made for this run. */
    private record Resolver(String store) implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TestStore.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            // one store per run, whoever asks (a @BeforeEach and the test itself)
            return context.getStore(ExtensionContext.Namespace.create(BothStores.class))
                    .getOrComputeIfAbsent(TestStore.class, type -> make(context), TestStore.class);
        }

        private TestStore make(ExtensionContext context) {
            try {
                // PostgreSQL too: the credential-sealing key and recordings live in store.dataDir
                Path dir = Files.createTempDirectory("wardnet-store-test-");
                context.getStore(ExtensionContext.Namespace.create(BothStores.class)).put("dir",
                        (ExtensionContext.Store.CloseableResource) () -> delete(dir));
                WardnetConfig config = WardnetConfig.defaults().with(WardnetKeys.STORE_DATA_DIR, dir.toString());
                if (store.equals(H2)) {
                    return new TestStore(H2, config);
                }
                return new TestStore(POSTGRES, config.with(WardnetKeys.STORE_JDBC_URL, server(context).newDatabase())
                        .with(WardnetKeys.STORE_USERNAME, ScratchPostgres.USER));
            } catch (Exception e) {
                throw new ParameterResolutionException("cannot make a " + store + " store: " + e.getMessage(), e);
            }
        }
    }

    /** The run's PostgreSQL server, started on first use and stopped when the whole run ends. */
    private static ScratchPostgres server(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(ServerResource.class,
                type -> new ServerResource(), ServerResource.class).server();
    }

    private static final class ServerResource implements ExtensionContext.Store.CloseableResource {
        private final ScratchPostgres server;

        ServerResource() {
            try {
                server = ScratchPostgres.start();
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting PostgreSQL", e);
            }
        }

        ScratchPostgres server() {
            return server;
        }

        @Override
        public void close() throws Exception {
            server.close();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
