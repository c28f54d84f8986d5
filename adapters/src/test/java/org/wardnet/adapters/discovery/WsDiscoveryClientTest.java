package org.wardnet.adapters.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.wardnet.adapters.onvif.SafeXmlReader;
import org.wardnet.core.install.DiscoveredDevice;
import org.wardnet.core.install.DiscoveryResult;
import org.wardnet.core.install.DiscoveryScope;

/**
 * The discovery client against a responder that misbehaves on purpose: garbage, an answer to
 * another client's probe, an entity-laden answer, the same device twice. Only the good answers
 * count, duplicates merge, the rest is counted and reported once.
 */
class WsDiscoveryClientTest {

    private static final Pattern MESSAGE_ID = Pattern.compile("<a:MessageID>([^<]+)</a:MessageID>");

    static String match(String relatesTo, String endpoint, String xaddr, String scopes) {
        return "<?xml version=\"1.0\"?><e:Envelope xmlns:e=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:w=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\""
                + " xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\"><e:Header><w:RelatesTo>" + relatesTo
                + "</w:RelatesTo></e:Header><e:Body><d:ProbeMatches><d:ProbeMatch><w:EndpointReference><w:Address>"
                + endpoint + "</w:Address></w:EndpointReference><d:Types>dn:NetworkVideoTransmitter</d:Types><d:Scopes>"
                + scopes + "</d:Scopes><d:XAddrs>" + xaddr + "</d:XAddrs></d:ProbeMatch></d:ProbeMatches></e:Body>"
                + "</e:Envelope>";
    }

    @Test
    void goodAnswersCountBadOnesAreCountedDuplicatesMerge() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (DatagramSocket responder = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            Thread answering = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try {
                    while (true) {
                        DatagramPacket probe = new DatagramPacket(buffer, buffer.length);
                        responder.receive(probe);
                        Matcher id = MESSAGE_ID.matcher(new String(probe.getData(), 0, probe.getLength(), StandardCharsets.UTF_8));
                        if (!id.find()) {
                            continue;
                        }
                        String relates = id.group(1);
                        for (String answer : List.of("\u0000garbage",
                                match("urn:uuid:someone-else", "urn:uuid:other", "http://127.0.0.9/onvif/device_service", ""),
                                "<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>",
                                match(relates, "urn:uuid:cam-1", "http://127.0.0.5:8080/onvif/device_service",
                                        "onvif://www.onvif.org/name/Gate%20East onvif://www.onvif.org/location/city/ningbo"),
                                match(relates, "urn:uuid:cam-1", "http://127.0.0.6/onvif/device_service", ""))) {
                            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                            responder.send(new DatagramPacket(bytes, bytes.length, probe.getSocketAddress()));
                        }
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            answering.setDaemon(true);
            answering.start();
            WsDiscoveryClient client = new WsDiscoveryClient(group, new SafeXmlReader(16 * 1024));
            DiscoveryResult result = client.discover(DiscoveryScope.range("127.0.0.1", responder.getLocalPort(), 16),
                    Duration.ofMillis(400)).get(10, TimeUnit.SECONDS);
            assertEquals(2, result.probesSent());
            assertEquals(1, result.devices().size());
            DiscoveredDevice device = result.devices().get(0);
            assertEquals("urn:uuid:cam-1", device.endpoint());
            assertEquals(List.of("http://127.0.0.5:8080/onvif/device_service", "http://127.0.0.6/onvif/device_service"),
                    device.xaddrs());
            assertEquals("127.0.0.5", device.address());
            assertEquals("Gate East", device.name().orElseThrow());
            assertEquals("city/ningbo", device.location().orElseThrow());
            assertEquals(4, result.answers(), "two good answers per probe round");
            assertEquals(4, result.unreadable(), "garbage and the DOCTYPE, per round");
            assertTrue(result.firstProblem().startsWith("127.0.0.1: "), result.firstProblem());
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void rangesAreParsedAndBounded() {
        assertEquals(256, DiscoveryScope.range("10.1.2.0/24", 3702, 4096).addresses().size());
        assertEquals("10.1.2.255", DiscoveryScope.range("10.1.2.77/24", 3702, 4096).last().getHostAddress());
        List<java.net.Inet4Address> two = DiscoveryScope.range(" 127.1.0.250-127.1.1.1 ", 3702, 16).addresses();
        assertEquals(List.of("127.1.0.250", "127.1.0.251", "127.1.0.252", "127.1.0.253", "127.1.0.254", "127.1.0.255",
                "127.1.1.0", "127.1.1.1"), two.stream().map(java.net.Inet4Address::getHostAddress).toList());
        assertThrows(IllegalArgumentException.class, () -> DiscoveryScope.range("10.0.0.0/8", 3702, 4096));
        assertThrows(IllegalArgumentException.class, () -> DiscoveryScope.range("10.0.0.9-10.0.0.1", 3702, 4096));
        assertThrows(IllegalArgumentException.class, () -> DiscoveryScope.range("10.0.0", 3702, 4096));
        assertThrows(IllegalArgumentException.class, () -> DiscoveryScope.range("10.0.0.1/33", 3702, 4096));
        assertThrows(IllegalArgumentException.class, () -> DiscoveryScope.range("a.b.c.d", 3702, 4096));
        assertThrows(IllegalArgumentException.class, () -> DiscoveryScope.range(null, 3702, 4096));
    }
}
