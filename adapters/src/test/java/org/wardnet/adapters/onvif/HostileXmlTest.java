package org.wardnet.adapters.onvif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replies crafted to hurt: each is refused with its own error class, and nothing is read or expanded. */
class HostileXmlTest {

    private final SoapEnvelope soap = new SoapEnvelope(new SafeXmlReader(64 * 1024));

    private OnvifException refused(String xml) {
        return assertThrows(OnvifException.class, () -> soap.answer(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void externalEntityIsRefusedAndTheFileNeverRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        OnvifException e = refused("<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"" + secret.toUri()
                + "\">]><s:Envelope xmlns:s=\"" + SoapEnvelope.SOAP12 + "\"><s:Body><a>&x;</a></s:Body></s:Envelope>");
        assertEquals(OnvifError.UNSAFE_XML, e.error());
        assertFalse(e.getMessage().contains("TOP-SECRET"));
    }

    @Test
    void billionLaughsIsRefusedBeforeExpansion() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        dtd.append("]>");
        OnvifException e = refused("<?xml version=\"1.0\"?>" + dtd + "<s:Envelope xmlns:s=\"" + SoapEnvelope.SOAP12
                + "\"><s:Body><a>&lol9;</a></s:Body></s:Envelope>");
        assertEquals(OnvifError.UNSAFE_XML, e.error());
    }

    @Test
    void undeclaredEntityIsMalformedOrUnsafe() {
        OnvifException e = refused("<s:Envelope xmlns:s=\"" + SoapEnvelope.SOAP12 + "\"><s:Body><a>&x;</a></s:Body></s:Envelope>");
        assertTrue(e.error() == OnvifError.UNSAFE_XML || e.error() == OnvifError.MALFORMED_XML, e.error().name());
    }

    @Test
    void oversizedReplyIsRefused() {
        String big = "<s:Envelope xmlns:s=\"" + SoapEnvelope.SOAP12 + "\"><s:Body><a>" + "x".repeat(70 * 1024)
                + "</a></s:Body></s:Envelope>";
        assertEquals(OnvifError.TOO_LARGE, refused(big).error());
    }

    @Test
    void truncatedAndGarbageRepliesAreMalformed() {
        assertEquals(OnvifError.MALFORMED_XML, refused("<s:Envelope xmlns:s=\"" + SoapEnvelope.SOAP12 + "\"><s:Body>").error());
        assertEquals(OnvifError.MALFORMED_XML, refused("\u0000\u0001garbage").error());
        assertEquals(OnvifError.MALFORMED_XML, refused("").error());
    }

    /** Found by fuzzing: given the bytes, the JDK's parser wrote "[Fatal Error]" lines to standard error. */
    @Test
    void invalidTextIsMalformedAndNothingIsPrinted() throws Exception {
        String envelope = "<s:Envelope xmlns:s=\"" + SoapEnvelope.SOAP12 + "\"><s:Body><a>caf\u00e9</a></s:Body></s:Envelope>";
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            byte[] latin1 = envelope.getBytes(StandardCharsets.ISO_8859_1); // \u00e9 is not a UTF-8 sequence
            OnvifException e = assertThrows(OnvifException.class, () -> soap.answer(latin1));
            assertEquals(OnvifError.MALFORMED_XML, e.error());
            assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
            OnvifException unknown = refused("<?xml version=\"1.0\" encoding=\"x-no-such\"?>" + envelope);
            assertEquals(OnvifError.MALFORMED_XML, unknown.error());
        } finally {
            System.setErr(err);
        }
        assertEquals("", printed.toString(StandardCharsets.UTF_8));
        byte[] declared = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + envelope).getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("caf\u00e9", soap.answer(declared).text());
        byte[] utf16 = ("\ufeff" + envelope).getBytes(StandardCharsets.UTF_16BE);
        assertEquals("caf\u00e9", soap.answer(utf16).text());
    }

    @Test
    void xmlThatIsNotSoapIsMalformed() {
        OnvifException e = refused("<html><body>Login</body></html>");
        assertEquals(OnvifError.MALFORMED_XML, e.error());
        assertTrue(e.getMessage().contains("not a SOAP envelope"), e.getMessage());
        assertEquals(OnvifError.MALFORMED_XML,
                refused("<s:Envelope xmlns:s=\"" + SoapEnvelope.SOAP12 + "\"><s:Body/></s:Envelope>").error());
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "<a>".repeat(100) + "</a>".repeat(100);
        assertEquals(OnvifError.MALFORMED_XML, refused(deep).error());
    }

    @Test
    void soap11FaultIsRead() throws Exception {
        OnvifException e = refused("<e:Envelope xmlns:e=\"" + SoapEnvelope.SOAP11 + "\"><e:Body><e:Fault>"
                + "<faultcode>e:Client</faultcode><faultstring>Unauthorized</faultstring></e:Fault></e:Body></e:Envelope>");
        assertEquals(OnvifError.NOT_AUTHORIZED, e.error());
        assertEquals("Client", e.fault().code());
    }
}
