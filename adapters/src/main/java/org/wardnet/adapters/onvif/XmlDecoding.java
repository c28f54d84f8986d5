package org.wardnet.adapters.onvif;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a reply's bytes into characters before the XML parser sees them, strictly: by its byte
 * order mark, else the encoding its XML declaration names, else UTF-8 (XML 1.0, appendix F). The
 * JDK's streaming parser, given bytes, prints "[Fatal Error]" lines to standard error for every
 * malformed byte sequence, outside any logging configuration; given characters it has nothing to
 * print, and a broken reply becomes one {@link OnvifError#MALFORMED_XML} like any other.
 */
final class XmlDecoding {

    private static final Pattern DECLARED = Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]{1,40})[\"']");

    private XmlDecoding() {
    }

    static String text(byte[] document) throws OnvifException {
        Charset charset;
        int skip = 0;
        if (starts(document, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            skip = 3;
        } else if (starts(document, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (starts(document, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else {
            charset = declared(document);
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(document, skip, document.length - skip)).toString();
        } catch (CharacterCodingException e) {
            throw new OnvifException(OnvifError.MALFORMED_XML, "reply is not valid " + charset.name() + " text");
        }
    }

    /** The encoding the XML declaration names (read as ASCII, which every candidate extends), else UTF-8. */
    private static Charset declared(byte[] document) throws OnvifException {
        int length = Math.min(document.length, 200);
        CharBuffer head = StandardCharsets.ISO_8859_1.decode(ByteBuffer.wrap(document, 0, length));
        Matcher m = DECLARED.matcher(head);
        if (!m.find()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(m.group(1));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new OnvifException(OnvifError.MALFORMED_XML, "reply declares an unknown encoding: " + m.group(1));
        }
    }

    private static boolean starts(byte[] document, int... prefix) {
        if (document.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((document[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
