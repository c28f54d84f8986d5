package org.wardnet.server;

import java.util.Arrays;
import org.wardnet.server.cli.Main;

/**
 * The main class of a {@link ChildServer}: Wardnet's own main, in a process that ends itself
 * (as {@code kill -9} would) once the test JVM that started it is gone, so that a test run killed
 * midway leaves no servers behind. The first argument is the test JVM's process id; the rest are
 * Wardnet's.
 *
 * <p>Limits: it looks once a second, so a child outlives its test JVM by up to a second.
 */
public final class ChildMain {

    private ChildMain() {
    }

    public static void main(String[] args) throws Exception {
        long testJvm = Long.parseLong(args[0]);
        Thread watch = new Thread(() -> {
            while (ProcessHandle.of(testJvm).map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Runtime.getRuntime().halt(137);
        }, "exit-with-test-jvm");
        watch.setDaemon(true);
        watch.start();
        Main.main(Arrays.copyOfRange(args, 1, args.length));
    }
}
