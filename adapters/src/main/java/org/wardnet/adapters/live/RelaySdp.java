package org.wardnet.adapters.live;

import java.util.ArrayList;
import java.util.List;

/**
 * The SDP the relay serves for a stream: the camera's session lines and its video section only,
 * with the relay as origin, control URLs of its own ({@code trackID=0}) and no connection address
 * of the camera's. Works on the lines as sent (not a re-serialisation of the parsed form), so
 * attributes Wardnet does not know, such as vendor {@code a=} lines, reach the client unchanged.
 */
final class RelaySdp {

    private RelaySdp() {
    }

    /**
     * @param cameraSdp  the camera's SDP
     * @param videoIndex the position of the video section among its {@code m=} sections
     */
    static String rewrite(String cameraSdp, int videoIndex) {
        List<String> session = new ArrayList<>();
        List<List<String>> sections = new ArrayList<>();
        for (String raw : cameraSdp.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("m=")) {
                sections.add(new ArrayList<>());
            }
            (sections.isEmpty() ? session : sections.get(sections.size() - 1)).add(line);
        }
        if (videoIndex < 0 || videoIndex >= sections.size()) {
            throw new IllegalArgumentException("no media section " + videoIndex + " in the camera's SDP");
        }
        StringBuilder sdp = new StringBuilder("v=0\r\n");
        sdp.append("o=- ").append(System.currentTimeMillis()).append(" 1 IN IP4 0.0.0.0\r\n");
        boolean named = false;
        for (String line : session) {
            if (line.startsWith("s=")) {
                sdp.append(line).append("\r\n");
                named = true;
            }
        }
        if (!named) {
            sdp.append("s=Wardnet live\r\n");
        }
        sdp.append("t=0 0\r\n");
        for (String line : session) {
            boolean kept = line.startsWith("a=") && !line.startsWith("a=control:") && !line.startsWith("a=range:")
                    || line.startsWith("b=") || line.startsWith("i=");
            if (kept) {
                sdp.append(line).append("\r\n");
            }
        }
        sdp.append("a=control:*\r\n").append("a=range:npt=0-\r\n");
        List<String> video = sections.get(videoIndex);
        String[] m = video.get(0).split(" ");
        sdp.append("m=").append(m[0].substring(2)).append(" 0");
        for (int i = 2; i < m.length; i++) {
            sdp.append(' ').append(m[i]);
        }
        sdp.append("\r\nc=IN IP4 0.0.0.0\r\n");
        for (String line : video.subList(1, video.size())) {
            if (!line.startsWith("c=") && !line.startsWith("a=control:")) {
                sdp.append(line).append("\r\n");
            }
        }
        return sdp.append("a=control:trackID=0\r\n").toString();
    }
}
