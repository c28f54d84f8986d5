package org.wardnet.adapters.discovery;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.wardnet.adapters.onvif.OnvifException;
import org.wardnet.adapters.onvif.SafeXmlReader;
import org.wardnet.adapters.onvif.XmlElement;
import org.wardnet.core.install.DeviceDiscovery;
import org.wardnet.core.install.DiscoveredDevice;
import org.wardnet.core.install.DiscoveryResult;
import org.wardnet.core.install.DiscoveryScope;

/**
 * Finds ONVIF devices with WS-Discovery over UDP: a Probe to the multicast group on an interface,
 * or a Probe to each address of a range, paced in bursts, each sent twice; then it listens for the window and
 * merges the ProbeMatches by endpoint reference. Answers that are not readable SOAP are counted,
 * the first kept for the caller to log once; they are never fatal.
 *
 * <p>Each discovery uses its own socket on an ephemeral port, so discoveries may overlap.
 * Thread-safe; shares the event loops it is given.
 */
public final class WsDiscoveryClient implements DeviceDiscovery {

    /**
     * Probes sent per burst, and the pause between bursts: 32,000 per second at most, in bursts small
     * enough for a receiver's default socket buffer (about 100 small datagrams on Linux).
     */
    private static final int BURST = 64;
    private static final long BURST_PAUSE_MILLIS = 2;
    /**
     * Every address is probed twice, the second round this long after the first: UDP may drop a
     * datagram, and SOAP-over-UDP repeats its messages for that reason. Answers merge.
     */
    private static final long REPEAT_AFTER_MILLIS = 150;

    private final EventLoopGroup group;
    private final SafeXmlReader reader;

    public WsDiscoveryClient(EventLoopGroup group, SafeXmlReader reader) {
        this.group = group;
        this.reader = reader;
    }

    /** Probes and collects answers for {@code window} after the last probe is sent. */
    @Override
    public CompletableFuture<DiscoveryResult> discover(DiscoveryScope scope, Duration window) {
        CompletableFuture<DiscoveryResult> result = new CompletableFuture<>();
        String messageId = "urn:uuid:" + UUID.randomUUID();
        Collector collector = new Collector(messageId, reader);
        Bootstrap bootstrap = new Bootstrap().group(group)
                .channelFactory(() -> new NioDatagramChannel(SocketProtocolFamily.INET))
                .option(ChannelOption.SO_RCVBUF, 4 * 1024 * 1024)
                .handler(collector);
        if (scope.isMulticast()) {
            NetworkInterface nic;
            try {
                nic = NetworkInterface.getByName(scope.multicastInterface());
            } catch (SocketException e) {
                nic = null;
            }
            if (nic == null) {
                result.completeExceptionally(new IllegalArgumentException(
                        "no network interface named '" + scope.multicastInterface() + "'"));
                return result;
            }
            bootstrap.option(ChannelOption.IP_MULTICAST_IF, nic).option(ChannelOption.IP_MULTICAST_LOOP_DISABLED, false)
                    .option(ChannelOption.IP_MULTICAST_TTL, 4);
        }
        bootstrap.bind(new InetSocketAddress("0.0.0.0", 0)).addListener(bound -> {
            if (!bound.isSuccess()) {
                result.completeExceptionally(bound.cause());
                return;
            }
            Channel channel = ((ChannelFuture) bound).channel();
            List<InetSocketAddress> targets = new ArrayList<>();
            if (scope.isMulticast()) {
                targets.add(new InetSocketAddress(DiscoveryScope.GROUP, scope.port()));
            } else {
                for (Inet4Address address : scope.addresses()) {
                    targets.add(new InetSocketAddress(address, scope.port()));
                }
            }
            byte[] probe = DiscoveryMessages.probe(messageId);
            Runnable secondRound = () -> channel.eventLoop().schedule(() -> sendBurst(channel, targets, 0, probe,
                    () -> finish(channel, window, collector, result, targets.size() * 2)), REPEAT_AFTER_MILLIS,
                    TimeUnit.MILLISECONDS);
            sendBurst(channel, targets, 0, probe, secondRound);
        });
        return result;
    }

    private static void finish(Channel channel, Duration window, Collector collector,
            CompletableFuture<DiscoveryResult> result, int sent) {
        channel.eventLoop().schedule(() -> {
            channel.close();
            result.complete(new DiscoveryResult(new ArrayList<>(collector.devices.values()), sent,
                    collector.answers, collector.unreadable, collector.firstProblem));
        }, window.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sendBurst(Channel channel, List<InetSocketAddress> targets, int from, byte[] probe, Runnable done) {
        int to = Math.min(targets.size(), from + BURST);
        for (int i = from; i < to; i++) {
            channel.write(new DatagramPacket(Unpooled.wrappedBuffer(probe), targets.get(i)));
        }
        channel.flush();
        if (to >= targets.size()) {
            done.run();
        } else {
            channel.eventLoop().schedule(() -> sendBurst(channel, targets, to, probe, done), BURST_PAUSE_MILLIS,
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Reads answers on the channel's event loop; its fields are confined there. */
    private static final class Collector extends SimpleChannelInboundHandler<DatagramPacket> {
        private final String messageId;
        final Map<String, DiscoveredDevice> devices = new LinkedHashMap<>();
        int answers;
        int unreadable;
        String firstProblem;

        private final SafeXmlReader reader;

        Collector(String messageId, SafeXmlReader reader) {
            this.messageId = messageId;
            this.reader = reader;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            String responder = packet.sender().getAddress().getHostAddress();
            try {
                XmlElement envelope = reader.read(ByteBufUtil.getBytes(packet.content()));
                String relatesTo = envelope.child("Header").map(h -> h.textAt("RelatesTo")).orElse(null);
                if (relatesTo != null && !relatesTo.equals(messageId)) {
                    return; // an answer to someone else's probe
                }
                for (DiscoveredDevice device : DiscoveryMessages.matches(envelope, responder)) {
                    answers++;
                    devices.merge(device.endpoint(), device, DiscoveredDevice::merge);
                }
            } catch (OnvifException e) {
                if (unreadable++ == 0) {
                    firstProblem = responder + ": " + e.getMessage();
                }
            }
        }
    }
}
