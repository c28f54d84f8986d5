package org.wardnet.simulator.run;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;

import java.net.SocketException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.wardnet.core.registry.CameraDraft;
import org.wardnet.simulator.district.District;
import org.wardnet.simulator.onvif.DiscoveryResponder;
import org.wardnet.simulator.camera.OnvifPersona;
import org.wardnet.simulator.camera.CameraFault;
import org.wardnet.simulator.camera.FaultPlan;
import org.wardnet.simulator.camera.SimulatedCamera;
import org.wardnet.simulator.rtsp.H264Clip;

/**
 * Runs a generated district's cameras: one simulated camera per camera with an RTSP URL, on its
 * own address and the given port (RTSP and ONVIF), with a seeded fault plan, the admin endpoint
 * and, when asked, WS-Discovery answers.
 */
public final class SimulatorRunner implements AutoCloseable {

    private final EventLoopGroup group;
    private final SimulatedDistrict district;
    private final SimulatorAdmin admin;
    private final Map<CameraFault, Integer> faults;

    private final DiscoveryResponder discovery;

    private SimulatorRunner(EventLoopGroup group, SimulatedDistrict district, SimulatorAdmin admin,
            Map<CameraFault, Integer> faults, DiscoveryResponder discovery) {
        this.discovery = discovery;
        this.group = group;
        this.district = district;
        this.admin = admin;
        this.faults = faults;
    }

    /**
     * @param port      RTSP port on every camera's address (554 needs root)
     * @param plan      fault plan, such as {@code slow=30,flapping=2}; empty for none
     * @param adminPort admin endpoint port on 127.0.0.1; 0 for any free one
     * @throws IOException with advice when the addresses cannot be bound
     */
    public static SimulatorRunner start(District generated, int port, FaultPlan plan, int adminPort)
            throws IOException, InterruptedException {
        return start(generated, port, plan, adminPort, 0);
    }

    /**
     * As {@link #start(District, int, FaultPlan, int)}, also answering WS-Discovery on UDP
     * {@code discoveryPort} (unicast to each camera's address, and multicast on the loopback
     * interface); 0 for no discovery.
     */
    public static SimulatorRunner start(District generated, int port, FaultPlan plan, int adminPort, int discoveryPort)
            throws IOException, InterruptedException {
        List<SimulatedCamera> cameras = new ArrayList<>();
        Map<String, List<String>> bySite = new LinkedHashMap<>();
        for (CameraDraft c : generated.cameras()) {
            if (c.rtsp() == null) {
                continue;
            }
            SimulatedCamera camera = SimulatedCamera.of(c.id(), c.rtsp().url(), c.rtsp().subUrl(), c.rtsp().username(),
                    c.rtsp().password(), port);
            camera.persona(OnvifPersona.of(c.id(), c.vendor(), c.model(), c.siteId()));
            cameras.add(camera);
            bySite.computeIfAbsent(c.siteId(), k -> new ArrayList<>()).add(c.id());
        }
        Map<CameraFault, Integer> faults = plan.apply(cameras, generated.seed());
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                NioIoHandler.newFactory());
        SimulatedDistrict district;
        try {
            district = SimulatedDistrict.start(group, H264Clip.shipped(), cameras);
        } catch (Exception e) { // Netty rethrows bind failures undeclared
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            if (e instanceof SocketException) {
                throw new IOException("cannot listen on port " + port + " of the cameras' addresses: " + e.getMessage()
                        + (port < 1024 ? " (ports below 1024 need root; try --sim-port 8554)" : ""), e);
            }
            if (e instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new IOException("cannot start the simulated cameras: " + e, e);
        }
        DiscoveryResponder discovery = null;
        if (discoveryPort > 0) {
            try {
                SimulatedDistrict started = district;
                discovery = DiscoveryResponder.start(DiscoveryResponder.byHost(cameras),
                        camera -> started.isListening(camera.id()), discoveryPort, "lo");
            } catch (IOException e) {
                district.close();
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
                throw e;
            }
        }
        SimulatorAdmin admin = new SimulatorAdmin(district, bySite, adminPort);
        return new SimulatorRunner(group, district, admin, faults, discovery);
    }

    public SimulatedDistrict district() {
        return district;
    }

    public String adminUrl() {
        return admin.url();
    }

    public Map<CameraFault, Integer> faults() {
        return faults;
    }

    @Override
    public void close() {
        admin.close();
        if (discovery != null) {
            discovery.close();
        }
        district.close();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

}
