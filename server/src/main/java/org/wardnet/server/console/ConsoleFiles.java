package org.wardnet.server.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * Reads the console's files and the WebJars' files from the class path, once each, and keeps them
 * in memory with their media type and an entity tag. Only names made of plain segments
 * ({@code [A-Za-z0-9_-][A-Za-z0-9._-]*}, so no {@code ..}) with a known extension are looked up;
 * anything else is absent. Limits: every file served is held in memory for the life of the
 * server, so only the console's own files and the few libraries it loads should live under these
 * roots (a few MB in all).
 */
public final class ConsoleFiles {

    /** A file as served. */
    public record File(byte[] bytes, String contentType, String etag) {
    }

    static final String CONSOLE_ROOT = "console/";
    static final String WEBJARS_ROOT = "META-INF/resources/webjars/";
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "mjs", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "json", "application/json",
            "map", "application/json");

    private final ClassLoader loader;
    private final ConcurrentMap<String, Optional<File>> cache = new ConcurrentHashMap<>();

    public ConsoleFiles(ClassLoader loader) {
        this.loader = loader;
    }

    /** A file of the console, by its path under /console/. */
    public Optional<File> console(String path) {
        return find(CONSOLE_ROOT, path);
    }

    /** A file of a WebJar, by its path under /webjars/ (library/version/...). */
    public Optional<File> webjar(String path) {
        return find(WEBJARS_ROOT, path);
    }

    /** Whether {@code path} is already in memory (then answering it does not touch the jar). */
    public boolean cached(String root, String path) {
        return cache.containsKey(root + path);
    }

    private Optional<File> find(String root, String path) {
        String type = typeOf(path);
        if (type == null || !plain(path)) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(root + path, name -> load(name, type));
    }

    private Optional<File> load(String name, String type) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            return Optional.of(new File(bytes, type, etag(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from the jar", e);
        }
    }

    static boolean plain(String path) {
        if (path.isEmpty() || path.length() > 512) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                return false;
            }
        }
        return true;
    }

    static String typeOf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? null : TYPES.get(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
