package org.wardnet.server.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import org.wardnet.server.http.ApiException;
import org.wardnet.server.http.Problem;

/** Decodes request bodies of bulk endpoints as strict UTF-8 (a byte order mark is dropped). */
final class Utf8Body {

    private Utf8Body() {
    }

    /** Strict UTF-8: a byte that is not UTF-8 is a 400 naming its offset and line. */
    static String decode(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        try {
            String text = decoder.decode(in).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (MalformedInputException e) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset && i < body.length; i++) {
                if (body[i] == '\n') {
                    line++;
                }
            }
            throw new ApiException(Problem.of(HttpResponseStatus.BAD_REQUEST, "bad-encoding", "Not UTF-8",
                    "the body is not valid UTF-8 (byte " + offset + ", line " + line + "); save the file as UTF-8"
                            + " (spreadsheet exports often use a legacy code page such as GBK or Windows-1252)"));
        } catch (CharacterCodingException e) {
            throw new ApiException(Problem.badRequest("the body is not valid UTF-8: " + e));
        }
    }
}
