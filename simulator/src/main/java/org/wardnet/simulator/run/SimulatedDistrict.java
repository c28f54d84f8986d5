package org.wardnet.simulator.run;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.wardnet.simulator.camera.CameraFault;
import org.wardnet.simulator.camera.SimulatedCamera;
import org.wardnet.simulator.onvif.SimulatedOnvif;
import org.wardnet.simulator.rtsp.H264Clip;

/**
 * Many simulated cameras in one process, each listening on its own address with RTSP and its ONVIF
 * web service on one port (see {@link ProtocolSwitch}). A camera whose fault
 * is {@link CameraFault#REFUSING} has no listener, so connections to it are refused as a dead
 * host's would be; {@link #fault} binds and unbinds as faults change.
 *
 * <p>Limits: one listening socket per camera, so a process can hold as many cameras as its file
 * limit allows, less the connections probing them (about 19,000 on a machine capped at 20,000).
 */
public final class SimulatedDistrict implements AutoCloseable {

    private final EventLoopGroup group;
    private final H264Clip clip;
    private final SimulatedOnvif onvif = SimulatedOnvif.shipped();
    private final Map<String, SimulatedCamera> cameras = new LinkedHashMap<>();
    private final Map<String, Channel> listeners = new ConcurrentHashMap<>();

    private SimulatedDistrict(EventLoopGroup group, H264Clip clip, List<SimulatedCamera> cameras) {
        this.group = group;
        this.clip = clip;
        cameras.forEach(camera -> this.cameras.put(camera.id(), camera));
    }

    /**
     * Binds every camera that is not refusing; returns once all are listening. Flapping cameras
     * then go down and up every {@code flapSeconds} (each with its own phase).
     */
    public static SimulatedDistrict start(EventLoopGroup group, H264Clip clip, List<SimulatedCamera> cameras)
            throws InterruptedException {
        SimulatedDistrict district = new SimulatedDistrict(group, clip, cameras);
        List<ChannelFuture> binds = new ArrayList<>();
        for (SimulatedCamera camera : district.cameras.values()) {
            if (camera.fault() != CameraFault.REFUSING) {
                binds.add(district.bind(camera));
            }
        }
        for (ChannelFuture bind : binds) {
            bind.sync();
        }
        district.flapper = group.next().scheduleAtFixedRate(district::flap, 1, 1, TimeUnit.SECONDS);
        return district;
    }

    /** Seconds a flapping camera stays up, then down. */
    public static final int FLAP_SECONDS = 20;

    private volatile ScheduledFuture<?> flapper;

    /** Takes flapping cameras down or up as their phase says; runs every second. */
    private void flap() {
        long now = System.currentTimeMillis() / 1000;
        for (SimulatedCamera camera : cameras.values()) {
            if (camera.fault() != CameraFault.FLAPPING) {
                continue;
            }
            boolean up = ((now + (camera.id().hashCode() & 0x7FFF)) / FLAP_SECONDS) % 2 == 0;
            Channel listener = listeners.get(camera.id());
            if (!up && listener != null) {
                listeners.remove(camera.id());
                listener.close();
            } else if (up && listener == null) {
                bind(camera);
            }
        }
    }

    private ChannelFuture bind(SimulatedCamera camera) {
        ChannelFuture future = new ServerBootstrap().group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_BACKLOG, 64)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new ProtocolSwitch(camera, clip, onvif));
                    }
                }).bind(camera.host(), camera.port());
        future.addListener(f -> {
            if (f.isSuccess()) {
                listeners.put(camera.id(), future.channel());
            }
        });
        return future;
    }

    public SimulatedCamera camera(String id) {
        SimulatedCamera camera = cameras.get(id);
        if (camera == null) {
            throw new IllegalArgumentException("no simulated camera '" + id + "'");
        }
        return camera;
    }

    public List<SimulatedCamera> cameras() {
        return List.copyOf(cameras.values());
    }

    /** Sets a camera's fault, starting or stopping its listener when refusal begins or ends. */
    public void fault(String id, CameraFault fault) throws InterruptedException {
        SimulatedCamera camera = camera(id);
        camera.fault(fault);
        Channel listener = listeners.get(id);
        if (fault == CameraFault.REFUSING && listener != null) {
            listeners.remove(id);
            listener.close().sync();
        } else if (fault != CameraFault.REFUSING && fault != CameraFault.FLAPPING && listener == null) {
            bind(camera).sync();
        }
    }

    /** The ONVIF side the cameras share (counters for tests). */
    public SimulatedOnvif onvif() {
        return onvif;
    }

    /** Whether a camera is listening now (a flapping camera is not, half the time). */
    public boolean isListening(String id) {
        return listeners.containsKey(id);
    }

    /** Cameras listening now. */
    public int listening() {
        return listeners.size();
    }

    @Override
    public void close() {
        if (flapper != null) {
            flapper.cancel(false);
        }
        for (Channel listener : listeners.values()) {
            listener.close().syncUninterruptibly();
        }
        listeners.clear();
    }
}
