package org.wardnet.adapters.rtsp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback RTSP server whose every answer is scripted, for the faults a real camera may show:
 * it reads each request and lets the script write bytes, close, or stay silent.
 */
final class ScriptedRtspServer implements AutoCloseable {

    /** What the script sees of one request. */
    record Request(int index, String method, String uri, String cseq, String text) {
        String header(String name) {
            Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + ":\\s*(.*)$").matcher(text);
            return m.find() ? m.group(1).strip() : null;
        }
    }

    /** Answers one request by writing to {@code out}; returns false to close the connection. */
    @FunctionalInterface
    interface Script {
        boolean answer(Request request, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final Script script;
    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    ScriptedRtspServer(Script script) throws IOException {
        this.script = script;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "scripted-rtsp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url(String path) {
        return "rtsp://127.0.0.1:" + server.getLocalPort() + path;
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        try {
            while (!server.isClosed()) {
                Socket socket = server.accept();
                sockets.add(socket);
                Thread handler = new Thread(() -> serve(socket), "scripted-rtsp-conn");
                handler.setDaemon(true);
                handler.start();
            }
        } catch (IOException e) {
            // closed
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            while (true) {
                String text = readRequest(in);
                if (text == null) {
                    return;
                }
                String[] first = text.split("\r\n")[0].split(" ");
                Matcher cseq = Pattern.compile("(?im)^CSeq:\\s*(\\d+)").matcher(text);
                Request request = new Request(requests.size(), first[0], first.length > 1 ? first[1] : "",
                        cseq.find() ? cseq.group(1) : null, text);
                requests.add(request);
                if (!script.answer(request, out)) {
                    return;
                }
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the client went away, or the test ended
        }
    }

    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** A captured response with its CSeq replaced by the request's, as a camera would answer. */
    static byte[] captured(String name, Request request) throws IOException {
        String text = new String(Captures.bytes(name), StandardCharsets.ISO_8859_1);
        return text.replaceFirst("(?im)^CSeq:\\s*\\d+", "CSeq: " + request.cseq()).getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] response(Request request, String statusLine, String... headers) {
        StringBuilder out = new StringBuilder("RTSP/1.0 ").append(statusLine).append("\r\nCSeq: ").append(request.cseq())
                .append("\r\n");
        for (String header : headers) {
            out.append(header).append("\r\n");
        }
        return out.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    static List<String> methods(List<Request> requests) {
        List<String> methods = new ArrayList<>();
        requests.forEach(r -> methods.add(r.method()));
        return methods;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
