package org.wardnet.adapters.onvif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class UsernameTokenTest {

    private final SafeXmlReader reader = new SafeXmlReader(1 << 20);

    /** The digest of a real client's request (onvif-go to a Bosch camera), recomputed from its parts. */
    @Test
    void digestMatchesARealClientsRequest() throws Exception {
        XmlElement envelope = reader.read(OnvifCaptureTest.capture("onvif-go-client-GetDeviceInformation-request.xml"));
        XmlElement token = envelope.find("UsernameToken").orElseThrow();
        assertEquals("service", token.textAt("Username"));
        byte[] nonce = Base64.getDecoder().decode(token.textAt("Nonce"));
        String digest = UsernameToken.digest(nonce, token.textAt("Created"), "Service.1234");
        assertEquals("tGFBMAssYOqtGsl7CwlHzcWIUgE=", digest);
        assertEquals(token.textAt("Password"), digest);
    }

    @Test
    void ourTokenFollowsTheDeviceClockAndVerifies() throws Exception {
        Instant deviceNow = Instant.parse("2026-11-29T06:15:30.700Z");
        UsernameToken token = UsernameToken.create("admin", "pä55", deviceNow);
        assertEquals("2026-11-29T06:15:30Z", token.created());
        assertEquals(16, Base64.getDecoder().decode(token.nonce()).length);
        assertEquals(token.digest(), UsernameToken.digest(Base64.getDecoder().decode(token.nonce()), token.created(), "pä55"));
        assertNotEquals(token.nonce(), UsernameToken.create("admin", "pä55", deviceNow).nonce(), "fresh nonce each time");

        XmlElement sent = reader.read(SoapEnvelope.request("<x:Op xmlns:x=\"urn:x\"/>", token));
        XmlElement parsed = sent.find("UsernameToken").orElseThrow();
        assertEquals("admin", parsed.textAt("Username"));
        assertEquals(UsernameToken.DIGEST_TYPE, parsed.child("Password").orElseThrow().attribute("Type"));
        assertEquals(token.created(), parsed.textAt("Created"));
        assertTrue(sent.child("Body").orElseThrow().child("Op").isPresent());
        assertTrue(Duration.between(Instant.parse(parsed.textAt("Created")), deviceNow).abs().getSeconds() < 1);
    }

    @Test
    void usernamesAreEscaped() throws Exception {
        UsernameToken token = UsernameToken.create("a<b>&\"c", "pw", Instant.EPOCH);
        XmlElement sent = reader.read(SoapEnvelope.request("<x:Op xmlns:x=\"urn:x\"/>", token));
        assertEquals("a<b>&\"c", sent.find("Username").orElseThrow().text());
    }
}
