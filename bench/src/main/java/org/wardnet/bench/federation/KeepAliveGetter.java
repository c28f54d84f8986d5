package org.wardnet.bench.federation;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 keep-alive connection that sends GETs and reads their answers on the calling
 * thread: no selector thread, no executor, no hand-over between threads, so what a load client
 * measures is the server and the socket rather than the client's own machinery (the JDK's
 * {@code HttpClient} passes every exchange through two or three threads of its own).
 *
 * <p>Limits: plain HTTP only; answers must carry Content-Length (the server's full answers do;
 * a chunked one fails the request); the connection is opened again when the server closes it.
 */
final class KeepAliveGetter implements AutoCloseable {

    private final String host;
    private final int port;
    private final byte[] headers;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /** @param base {@code http://host:port}; @param token the bearer token every request carries */
    KeepAliveGetter(String base, String token) {
        URI uri = URI.create(base);
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.headers = ("Host: " + host + ":" + port + "\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends {@code GET path} and reads the whole answer; answers its status code. */
    int get(String path) throws IOException {
        if (socket == null) {
            connect();
        }
        byte[] start = ("GET " + path + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[start.length + headers.length]; // one write, so one segment
        System.arraycopy(start, 0, request, 0, start.length);
        System.arraycopy(headers, 0, request, start.length, headers.length);
        out.write(request);
        out.flush();
        String status = line();
        if (status == null) { // closed by the server between requests: once more on a new connection
            close();
            connect();
            return get(path);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean closes = false;
        for (String header = line(); header != null && !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                closes = true;
            }
        }
        if (length < 0) {
            throw new IOException("answer without Content-Length to GET " + path);
        }
        in.skipNBytes(length); // throws EOFException when the connection closes inside the body
        if (closes) {
            close();
        }
        return code;
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        socket.setSoTimeout(60_000);
        in = new BufferedInputStream(socket.getInputStream(), 16_384);
        out = socket.getOutputStream();
    }

    /** A header line without its CRLF; null when the connection closed before one began. */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); ; b = in.read()) {
            if (b == -1) {
                if (line.length() == 0) {
                    return null;
                }
                throw new IOException("connection closed in an answer's head");
            }
            if (b == '\n') {
                int end = line.length() > 0 && line.charAt(line.length() - 1) == '\r' ? line.length() - 1 : line.length();
                return line.substring(0, end);
            }
            line.append((char) b);
        }
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
