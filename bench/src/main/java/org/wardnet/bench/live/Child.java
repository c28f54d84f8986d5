package org.wardnet.bench.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A process of the benchmark spoken to by lines: commands on its standard input, answers on its
 * standard output (other lines are skipped), and its CPU time read from /proc.
 */
final class Child implements AutoCloseable {

    private static final int TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final Process process;
    private final PrintStream commands;
    private final BufferedReader answers;

    Child(List<String> command) throws IOException {
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static List<String> java(String heap, Class<?> main, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), heap, "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** The first line starting with {@code prefix}, read past any others. */
    String await(String prefix) throws IOException {
        for (String line; (line = answers.readLine()) != null; ) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IOException("the process ended before saying '" + prefix + "'");
    }

    String ask(String command, String answerPrefix) throws IOException {
        commands.println(command);
        return await(answerPrefix);
    }

    /** CPU seconds (user and system) the process has used so far. */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) TICKS_PER_SECOND;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
