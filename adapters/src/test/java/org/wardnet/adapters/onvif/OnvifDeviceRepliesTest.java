package org.wardnet.adapters.onvif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the client classes what a device's web server answers instead of a good reply: HTTP
 * 401/403/500 with and without SOAP faults, HTML pages, empty bodies, a server that accepts and
 * never answers. The replies are scripted per path; the real devices' faults are in
 * {@link OnvifCaptureTest}, whose Pelco fault body is reused here under each status.
 */
class OnvifDeviceRepliesTest {

    private static HttpServer server;
    private static EventLoopGroup group;
    private static OnvifHttpClient http;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        byte[] fault = OnvifCaptureTest.capture("pelco-d6230l-GetAudioOutputConfigurations-Fault.xml");
        byte[] authFault = OnvifCaptureTest.capture("axis-q6045-e-GetDot11Capabilities-Fault.xml");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        script("/401-plain", 401, "text/plain", "Unauthorized".getBytes(StandardCharsets.UTF_8));
        script("/401-fault", 401, "application/soap+xml", authFault);
        script("/403-plain", 403, "text/plain", new byte[0]);
        script("/403-fault", 403, "application/soap+xml", authFault);
        script("/500-fault", 500, "application/soap+xml", fault);
        script("/500-plain", 500, "text/plain", "oops".getBytes(StandardCharsets.UTF_8));
        script("/500-html", 500, "text/html", "<html><body>Internal error</body></html>".getBytes(StandardCharsets.UTF_8));
        script("/200-html", 200, "text/html; charset=utf-8",
                "<!DOCTYPE html><html><body>Login</body></html>".getBytes(StandardCharsets.UTF_8));
        script("/200-empty", 200, "application/soap+xml", new byte[0]);
        script("/404", 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
        server.createContext("/silent", exchange -> {
            // accepts the request and never answers: the client's reply timeout must end it
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        http = new OnvifHttpClient(group, new OnvifSettings(1_000, 800, 64 * 1024));
    }

    private static void script(String path, int status, String type, byte[] body) {
        server.createContext(path, exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static OnvifException failure(String path) throws Exception {
        OnvifDevice device = new OnvifDevice(http, new SoapEnvelope(new SafeXmlReader(64 * 1024)), URI.create(base + path),
                "admin", "pw", Clock.systemUTC());
        CompletableFuture<DeviceInformation> call = device.deviceInformation();
        try {
            call.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertTrue(e.getCause() instanceof OnvifException, String.valueOf(e.getCause()));
            return (OnvifException) e.getCause();
        } finally {
            device.close();
        }
        throw new AssertionError(path + " did not fail");
    }

    @Test
    void refusalsWithAndWithoutFaultsAreNotAuthorized() throws Exception {
        assertEquals(OnvifError.NOT_AUTHORIZED, failure("/401-plain").error());
        assertEquals(OnvifError.NOT_AUTHORIZED, failure("/401-fault").error());
        assertEquals(OnvifError.NOT_AUTHORIZED, failure("/403-plain").error());
        OnvifException withFault = failure("/403-fault");
        assertEquals(OnvifError.NOT_AUTHORIZED, withFault.error());
        assertEquals("Sender not authorized", withFault.fault().reason());
    }

    @Test
    void serverErrorsKeepTheirFaultOrSayThereWasNone() throws Exception {
        OnvifException fault = failure("/500-fault");
        assertEquals(OnvifError.ACTION_NOT_SUPPORTED, fault.error());
        assertEquals("Audio Output is not supported.", fault.fault().reason());
        OnvifException plain = failure("/500-plain");
        assertEquals(OnvifError.HTTP_STATUS, plain.error());
        assertTrue(plain.getMessage().contains("HTTP 500"), plain.getMessage());
        assertEquals(OnvifError.HTTP_STATUS, failure("/404").error());
    }

    @Test
    void htmlAndEmptyRepliesAreNotSoap() throws Exception {
        assertEquals(OnvifError.NOT_SOAP, failure("/500-html").error());
        OnvifException login = failure("/200-html");
        assertEquals(OnvifError.NOT_SOAP, login.error());
        assertTrue(login.getMessage().contains("HTML"), login.getMessage());
        assertEquals(OnvifError.NOT_SOAP, failure("/200-empty").error());
    }

    @Test
    void silenceTimesOutAndRefusalIsUnreachable() throws Exception {
        OnvifException silent = failure("/silent");
        assertEquals(OnvifError.TIMEOUT, silent.error());
        assertTrue(silent.getMessage().contains("800 ms"), silent.getMessage());
        OnvifDevice nobody = new OnvifDevice(http, new SoapEnvelope(new SafeXmlReader(1024)),
                URI.create("http://127.0.0.1:1/onvif/device_service"), "a", "b", Clock.systemUTC());
        ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> nobody.systemDateAndTime().get(5, TimeUnit.SECONDS));
        assertEquals(OnvifError.UNREACHABLE, ((OnvifException) refused.getCause()).error());
    }
}
