package org.wardnet.simulator.onvif;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.socket.DatagramPacket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.wardnet.adapters.onvif.OnvifException;
import org.wardnet.adapters.onvif.SafeXmlReader;
import org.wardnet.adapters.onvif.XmlElement;
import org.wardnet.simulator.camera.SimulatedCamera;

/**
 * Answers WS-Discovery Probes for every camera of a simulated district from one UDP socket: a
 * Probe sent to one camera's address is answered by that camera, a Probe to the multicast group by
 * every camera that is up, in bursts as real devices spread their answers. One socket serves
 * thousands of addresses because the native transport reports each datagram's original
 * destination; answers leave from the socket's own address, so clients must (and Wardnet does)
 * take a device's address from its XAddrs.
 *
 * <p>Limits: Linux only (the epoll transport); a camera that is not listening (refusing, or a
 * flapping one while down) does not answer, one that is DOWN does (it answers discovery, then
 * never HTTP).
 */
public final class DiscoveryResponder implements AutoCloseable {

    private static final String GROUP = "239.255.255.250";
    private static final int BURST = 200;

    private final EventLoopGroup group;
    private final Channel channel;
    private final AtomicLong probes;

    private DiscoveryResponder(EventLoopGroup group, Channel channel, AtomicLong probes) {
        this.group = group;
        this.channel = channel;
        this.probes = probes;
    }

    /**
     * @param cameras     by host address
     * @param up          whether a camera answers now
     * @param port        UDP port (3702 in the field)
     * @param multicastOn interface to join the group on ("lo" for a district on loopback); null for none
     */
    public static DiscoveryResponder start(Map<String, SimulatedCamera> cameras, Predicate<SimulatedCamera> up, int port,
            String multicastOn) throws IOException, InterruptedException {
        if (!Epoll.isAvailable()) {
            throw new IOException("WS-Discovery simulation needs Linux epoll: " + Epoll.unavailabilityCause());
        }
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        AtomicLong probes = new AtomicLong();
        Responder responder = new Responder(cameras, up, probes);
        try {
            Channel channel = new Bootstrap().group(group).channel(EpollDatagramChannel.class)
                    .option(EpollChannelOption.IP_RECVORIGDSTADDR, true)
                    .option(EpollChannelOption.SO_REUSEADDR, true)
                    .option(EpollChannelOption.SO_RCVBUF, 4 * 1024 * 1024) // capped by net.core.rmem_max
                    .handler(responder).bind(new InetSocketAddress("0.0.0.0", port)).sync().channel();
            if (multicastOn != null) {
                NetworkInterface nic = NetworkInterface.getByName(multicastOn);
                if (nic == null) {
                    throw new IOException("no interface '" + multicastOn + "' to join " + GROUP + " on");
                }
                ((EpollDatagramChannel) channel).joinGroup(new InetSocketAddress(GROUP, port), nic).sync();
            }
            return new DiscoveryResponder(group, channel, probes);
        } catch (IOException | InterruptedException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        } catch (RuntimeException e) { // Netty rethrows bind failures undeclared
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IOException("cannot answer WS-Discovery on UDP port " + port + ": " + e.getMessage(), e);
        }
    }

    /** Probes received so far. */
    public long probes() {
        return probes.get();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** The ProbeMatches a camera sends in answer to the Probe with {@code relatesTo}. */
    static byte[] probeMatches(SimulatedCamera camera, String relatesTo) {
        SimulatedOnvifReplies replies = new SimulatedOnvifReplies(camera);
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><SOAP-ENV:Envelope"
                + " xmlns:SOAP-ENV=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\""
                + " xmlns:wsd=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\""
                + " xmlns:dn=\"http://www.onvif.org/ver10/network/wsdl\""
                + " xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\"><SOAP-ENV:Header>"
                + "<wsa:MessageID>urn:uuid:" + UUID.randomUUID() + "</wsa:MessageID>"
                + "<wsa:RelatesTo>" + SimulatedOnvifReplies.escape(relatesTo) + "</wsa:RelatesTo>"
                + "<wsa:To SOAP-ENV:mustUnderstand=\"true\">http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</wsa:To>"
                + "<wsa:Action SOAP-ENV:mustUnderstand=\"true\">http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches</wsa:Action>"
                + "</SOAP-ENV:Header><SOAP-ENV:Body><wsd:ProbeMatches><wsd:ProbeMatch><wsa:EndpointReference><wsa:Address>"
                + camera.persona().endpoint() + "</wsa:Address></wsa:EndpointReference>"
                + "<wsd:Types>dn:NetworkVideoTransmitter tds:Device</wsd:Types>"
                + "<wsd:Scopes>" + String.join(" ", replies.scopeList()) + "</wsd:Scopes>"
                + "<wsd:XAddrs>" + replies.base() + "/onvif/device_service</wsd:XAddrs>"
                + "<wsd:MetadataVersion>1</wsd:MetadataVersion></wsd:ProbeMatch></wsd:ProbeMatches></SOAP-ENV:Body>"
                + "</SOAP-ENV:Envelope>";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /** Reads Probes on the responder's event loop. */
    private static final class Responder extends SimpleChannelInboundHandler<DatagramPacket> {
        private final Map<String, SimulatedCamera> cameras;
        private final Predicate<SimulatedCamera> up;
        private final SafeXmlReader reader = new SafeXmlReader(64 * 1024);
        private final AtomicLong counter;

        Responder(Map<String, SimulatedCamera> cameras, Predicate<SimulatedCamera> up, AtomicLong counter) {
            this.cameras = cameras;
            this.up = up;
            this.counter = counter;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            XmlElement envelope;
            try {
                envelope = reader.read(ByteBufUtil.getBytes(packet.content()));
            } catch (OnvifException e) {
                return; // not a readable Probe; devices ignore such datagrams
            }
            boolean probe = envelope.child("Body").flatMap(b -> b.child("Probe")).isPresent();
            String messageId = envelope.child("Header").map(h -> h.textAt("MessageID")).orElse(null);
            if (!probe || messageId == null) {
                return;
            }
            counter.incrementAndGet();
            InetAddress destination = packet.recipient().getAddress();
            List<SimulatedCamera> answering = new ArrayList<>();
            if (destination.isMulticastAddress()) {
                cameras.values().stream().filter(up).forEach(answering::add);
            } else {
                SimulatedCamera camera = cameras.get(destination.getHostAddress());
                if (camera != null && up.test(camera)) {
                    answering.add(camera);
                }
            }
            answer(ctx, packet.sender(), messageId, answering, 0);
        }

        private void answer(ChannelHandlerContext ctx, InetSocketAddress to, String messageId,
                List<SimulatedCamera> answering, int from) {
            int end = Math.min(answering.size(), from + BURST);
            for (int i = from; i < end; i++) {
                ctx.write(new DatagramPacket(Unpooled.wrappedBuffer(probeMatches(answering.get(i), messageId)), to));
            }
            ctx.flush();
            if (end < answering.size()) {
                ctx.executor().schedule(() -> answer(ctx, to, messageId, answering, end), 5, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Keys cameras by their host address. */
    public static Map<String, SimulatedCamera> byHost(List<SimulatedCamera> cameras) {
        Map<String, SimulatedCamera> byHost = new HashMap<>();
        cameras.forEach(c -> byHost.put(c.host(), c));
        return byHost;
    }

}
