package org.wardnet.server.cli;

import java.io.PrintStream;
import java.util.Map;

/** Lets tests of other packages run the command line as {@code main} would, without exiting. */
public final class CliAccess {

    private CliAccess() {
    }

    public static int run(String[] args, PrintStream out, Map<String, String> env) {
        return Main.run(args, out, out, env);
    }
}
