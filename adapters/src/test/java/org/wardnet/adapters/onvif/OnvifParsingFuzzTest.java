package org.wardnet.adapters.onvif;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.wardnet.adapters.discovery.DiscoveryMessages;
import org.wardnet.adapters.fuzz.Mutations;
import org.wardnet.adapters.fuzz.Seeds;
import org.wardnet.core.install.DiscoveredDevice;

/**
 * Fuzzing the ONVIF side with the captured replies of real devices as seeds: the SOAP envelope
 * and every reply reader the installer uses, and WS-Discovery datagrams as the discovery client
 * reads them. The property: a reply is read or refused with an {@link OnvifException} (what the
 * installer counts and reports per device); nothing else escapes. Tries: {@code jqwik.tries.default}.
 */
class OnvifParsingFuzzTest {

    private static final SoapEnvelope SOAP = new SoapEnvelope(new SafeXmlReader(1 << 20));
    private static final SafeXmlReader DATAGRAMS = new SafeXmlReader(64 * 1024);

    @Provide
    Arbitrary<byte[]> replies() {
        return Mutations.of(Seeds.captures("onvif", ".xml"), 4);
    }

    /**
     * A ProbeMatches datagram as WS-Discovery (2005/04) lays it out, with the scopes and service
     * address of a captured device, and the captured replies (datagrams of the wrong kind).
     */
    @Provide
    Arbitrary<byte[]> datagrams() {
        List<byte[]> seeds = new ArrayList<>(Seeds.captures("onvif", ".xml"));
        seeds.add(DiscoveryMessages.probe("urn:uuid:6f1e3c52-8a41-4c1b-9e7f-2d9b8d1f0a11"));
        seeds.add(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><SOAP-ENV:Envelope"
                + " xmlns:SOAP-ENV=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\""
                + " xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\""
                + " xmlns:dn=\"http://www.onvif.org/ver10/network/wsdl\"><SOAP-ENV:Header>"
                + "<wsa:MessageID>uuid:7c2b64a0-1d2e-11b2-8000-c056e3a1b2c3</wsa:MessageID>"
                + "<wsa:RelatesTo>urn:uuid:6f1e3c52-8a41-4c1b-9e7f-2d9b8d1f0a11</wsa:RelatesTo>"
                + "<wsa:To SOAP-ENV:mustUnderstand=\"true\">"
                + "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</wsa:To>"
                + "<wsa:Action SOAP-ENV:mustUnderstand=\"true\">"
                + "http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches</wsa:Action></SOAP-ENV:Header>"
                + "<SOAP-ENV:Body><d:ProbeMatches><d:ProbeMatch><wsa:EndpointReference><wsa:Address>"
                + "urn:uuid:7c2b64a0-1d2e-11b2-8000-c056e3a1b2c3</wsa:Address></wsa:EndpointReference>"
                + "<d:Types>dn:NetworkVideoTransmitter</d:Types><d:Scopes>onvif://www.onvif.org/type/video_encoder"
                + " onvif://www.onvif.org/Profile/Streaming onvif://www.onvif.org/hardware/DS-2DF7276-AEL"
                + " onvif://www.onvif.org/name/HIKVISION%20DS-2DF7276-AEL</d:Scopes>"
                + "<d:XAddrs>http://127.0.0.1/onvif/device_service</d:XAddrs>"
                + "<d:MetadataVersion>10</d:MetadataVersion></d:ProbeMatch></d:ProbeMatches></SOAP-ENV:Body>"
                + "</SOAP-ENV:Envelope>").getBytes(StandardCharsets.UTF_8));
        return Mutations.of(seeds, 4);
    }

    @Property
    void everyReplyReaderReadsOrRefusesWithItsOwnError(@ForAll("replies") byte[] reply) {
        XmlElement answer;
        try {
            answer = SOAP.answer(reply);
        } catch (OnvifException refused) {
            assertNotNull(refused.error());
            return;
        }
        readOrRefuse(() -> OnvifReplies.systemDateAndTime(answer));
        readOrRefuse(() -> OnvifReplies.deviceInformation(answer));
        readOrRefuse(() -> OnvifReplies.capabilities(answer));
        readOrRefuse(() -> OnvifReplies.services(answer));
        readOrRefuse(() -> OnvifReplies.scopes(answer));
        readOrRefuse(() -> OnvifReplies.profiles(answer));
        readOrRefuse(() -> OnvifReplies.uri(answer));
    }

    @Property
    void discoveryDatagramsAreReadOrRefusedWithTheirOwnError(@ForAll("datagrams") byte[] datagram) {
        try {
            XmlElement envelope = DATAGRAMS.read(datagram);
            DiscoveryMessages.messageId(envelope);
            DiscoveryMessages.isProbe(envelope);
            for (DiscoveredDevice device : DiscoveryMessages.matches(envelope, "127.0.0.1")) {
                assertTrue(device.endpoint() != null && !device.endpoint().isEmpty(), device.toString());
            }
        } catch (OnvifException refused) {
            assertNotNull(refused.error());
        }
    }

    private interface Reading {
        Object read() throws OnvifException;
    }

    private static void readOrRefuse(Reading reading) {
        try {
            reading.read();
        } catch (OnvifException refused) {
            assertNotNull(refused.error());
        }
    }
}
