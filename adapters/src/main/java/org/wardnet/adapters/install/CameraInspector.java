package org.wardnet.adapters.install;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.wardnet.adapters.onvif.MediaProfile;
import org.wardnet.adapters.onvif.OnvifDevice;
import org.wardnet.adapters.onvif.OnvifError;
import org.wardnet.adapters.onvif.OnvifException;
import org.wardnet.adapters.onvif.OnvifHttpClient;
import org.wardnet.adapters.onvif.OnvifReplies;
import org.wardnet.adapters.onvif.ServiceAddress;
import org.wardnet.adapters.onvif.SoapEnvelope;
import org.wardnet.adapters.rtsp.RtspProber;
import org.wardnet.core.health.ProbeDepth;
import org.wardnet.core.health.ProbeOutcome;
import org.wardnet.core.install.CameraInspection;
import org.wardnet.core.install.CheckStatus;
import org.wardnet.core.install.Inspection;
import org.wardnet.core.install.VerificationReport;
import org.wardnet.core.install.VerifyCheck;
import org.wardnet.core.install.VerifyStep;

/**
 * Verifies one camera end to end over the network: ONVIF reachability and clock, credentials,
 * device information, media service, profiles, main and sub stream URIs, an RTSP DESCRIBE of each,
 * and a snapshot. Each step becomes a {@link VerifyCheck}; a failed step skips those that depend on
 * it, and every failure carries the error in words and what to check next. The returned future
 * never fails: whatever happens ends up in the checklist.
 *
 * <p>Thread-safe: each call holds its own conversation. Concurrency is the caller's to bound.
 */
public final class CameraInspector implements CameraInspection {

    private final OnvifHttpClient http;
    private final SoapEnvelope soap;
    private final RtspProber rtsp;
    private final Duration clockWarning;
    private final Clock clock;

    /**
     * @param clockWarning a device clock further off than this is a warning (WS-Security tokens
     *                     are commonly accepted within five minutes)
     */
    public CameraInspector(OnvifHttpClient http, SoapEnvelope soap, RtspProber rtsp, Duration clockWarning, Clock clock) {
        this.http = http;
        this.soap = soap;
        this.rtsp = rtsp;
        this.clockWarning = clockWarning;
        this.clock = clock;
    }

    /** Verifies the camera whose ONVIF device service is at {@code deviceService}. */
    @Override
    public CompletableFuture<Inspection> inspect(String cameraId, String deviceService, String username, String password) {
        Run run;
        try {
            run = new Run(cameraId, new OnvifDevice(http, soap, new URI(deviceService), username, password, clock),
                    username, password);
        } catch (Exception e) {
            Run broken = new Run(cameraId, null, username, password);
            broken.fail(VerifyStep.REACHABLE, "unusable ONVIF URL '" + deviceService + "': " + e.getMessage(),
                    "correct the camera's ONVIF URL (http://host[:port]/onvif/device_service)", 0);
            return CompletableFuture.completedFuture(broken.finish());
        }
        return run.start().handle((done, error) -> {
            run.device.close();
            if (error != null) { // a bug, not a device failure: still report, never hang a batch
                run.fail(run.current, "internal error: " + error, "report this to the Wardnet maintainers", 0);
            }
            return run.finish();
        });
    }

    /** One verification's state; its steps run one after another. */
    private final class Run {
        final String cameraId;
        final OnvifDevice device;
        final String username;
        final String password;
        final Instant startedAt = clock.instant();
        final Map<VerifyStep, VerifyCheck> checks = new EnumMap<>(VerifyStep.class);
        VerifyStep current = VerifyStep.REACHABLE;
        long stepStart = System.nanoTime();
        String manufacturer;
        String model;
        String firmware;
        String serial;
        Long clockOffsetMillis;
        String mainUri;
        String subUri;
        String mediaXaddr;
        String media1Xaddr;
        String media2Failure;
        boolean media2;
        MediaProfile main;
        MediaProfile sub;
        byte[] snapshot;

        Run(String cameraId, OnvifDevice device, String username, String password) {
            this.cameraId = cameraId;
            this.device = device;
            this.username = username;
            this.password = password;
        }

        CompletableFuture<Void> start() {
            begin(VerifyStep.REACHABLE);
            return device.systemDateAndTime().handle((deviceTime, error) -> {
                if (error == null) {
                    pass(VerifyStep.REACHABLE, "device service answered at " + device.deviceService());
                    clockOffsetMillis = device.clockOffset().toMillis();
                    Duration off = device.clockOffset().abs();
                    String words = "device clock is " + offsetInWords(device.clockOffset()) + " (device time " + deviceTime + ")";
                    if (off.compareTo(clockWarning) > 0) {
                        checks.put(VerifyStep.CLOCK, new VerifyCheck(VerifyStep.CLOCK, CheckStatus.WARN, words,
                                "set the camera to use NTP; tokens are still accepted because Wardnet follows its clock,"
                                        + " but its recordings will carry wrong times", 0));
                    } else {
                        checks.put(VerifyStep.CLOCK, VerifyCheck.pass(VerifyStep.CLOCK, words, 0));
                    }
                    return true;
                }
                OnvifException e = onvif(error);
                if (e != null && e.error() == OnvifError.NOT_AUTHORIZED) {
                    pass(VerifyStep.REACHABLE, "device service answered, but wants credentials for its clock");
                    checks.put(VerifyStep.CLOCK, new VerifyCheck(VerifyStep.CLOCK, CheckStatus.WARN,
                            "clock not readable without credentials", "tokens use our clock; keep the camera on NTP", 0));
                    return true;
                }
                failWith(VerifyStep.REACHABLE, error);
                return false;
            }).thenCompose(ok -> ok ? authenticate() : done());
        }

        CompletableFuture<Void> authenticate() {
            begin(VerifyStep.AUTHENTICATED);
            return device.deviceInformation().handle((info, error) -> {
                if (error != null) {
                    OnvifException e = onvif(error);
                    if (e != null && e.error() == OnvifError.NOT_AUTHORIZED && clockOffsetMillis != null
                            && Math.abs(clockOffsetMillis) > 300_000) {
                        fail(VerifyStep.AUTHENTICATED, e.getMessage(), "the camera's clock is "
                                + offsetInWords(Duration.ofMillis(clockOffsetMillis)) + "; set it and check the credentials",
                                elapsed());
                    } else {
                        failWith(VerifyStep.AUTHENTICATED, error);
                    }
                    return false;
                }
                pass(VerifyStep.AUTHENTICATED, "accepted with " + device.authMode());
                manufacturer = info.manufacturer();
                model = info.model();
                firmware = info.firmwareVersion();
                serial = info.serialNumber();
                checks.put(VerifyStep.DEVICE_INFORMATION, VerifyCheck.pass(VerifyStep.DEVICE_INFORMATION,
                        info.manufacturer() + " " + info.model() + ", firmware " + info.firmwareVersion() + ", serial "
                                + info.serialNumber(), 0));
                return true;
            }).thenCompose(ok -> ok ? mediaService() : done());
        }

        CompletableFuture<Void> mediaService() {
            begin(VerifyStep.MEDIA_SERVICE);
            return device.services().exceptionallyCompose(error -> device.capabilities()).handle((services, error) -> {
                if (error != null) {
                    failWith(VerifyStep.MEDIA_SERVICE, error);
                    return false;
                }
                String m2 = OnvifDevice.xaddrOf(services, OnvifReplies.MEDIA2).orElse(null);
                String m1 = OnvifDevice.xaddrOf(services, OnvifReplies.MEDIA).orElse(null);
                if (m2 == null && m1 == null) {
                    fail(VerifyStep.MEDIA_SERVICE, "device lists neither Media nor Media2 among " + names(services),
                            "the device may not be a video transmitter, or needs a firmware update", elapsed());
                    return false;
                }
                media2 = m2 != null;
                mediaXaddr = media2 ? m2 : m1;
                media1Xaddr = m1;
                pass(VerifyStep.MEDIA_SERVICE, (media2 ? "Media2" : "Media") + " at " + mediaXaddr
                        + (media2 && m1 == null ? " (Media2 only)" : ""));
                return true;
            }).thenCompose(ok -> ok ? profiles() : done());
        }

        CompletableFuture<Void> profiles() {
            begin(VerifyStep.PROFILES);
            CompletableFuture<List<MediaProfile>> fetched = media2 ? device.profiles2(mediaXaddr) : device.profiles(mediaXaddr);
            if (media2 && media1Xaddr != null) {
                // Some firmware advertises Media2 and then fails it; Media still works on those.
                fetched = fetched.exceptionallyCompose(error -> {
                    media2Failure = String.valueOf(onvif(error) == null ? error : onvif(error).getMessage());
                    media2 = false;
                    mediaXaddr = media1Xaddr;
                    return device.profiles(mediaXaddr);
                });
            }
            return fetched.handle((profiles, error) -> {
                if (error != null) {
                    failWith(VerifyStep.PROFILES, error);
                    return false;
                }
                List<MediaProfile> video = profiles.stream().filter(MediaProfile::hasVideo).toList();
                if (video.isEmpty()) {
                    fail(VerifyStep.PROFILES, "device lists " + profiles.size() + " profiles, none with video",
                            "create a media profile with a video encoder on the camera's web page", elapsed());
                    return false;
                }
                main = video.stream().max(Comparator.comparingLong(MediaProfile::pixels)).orElseThrow();
                sub = video.stream().filter(p -> p != main).min(Comparator.comparingLong(MediaProfile::pixels)).orElse(null);
                pass(VerifyStep.PROFILES, video.size() + " video profiles: " + profilesInWords(video)
                        + (media2Failure == null ? "" : " (from Media; Media2 failed: " + media2Failure + ")"));
                return true;
            }).thenCompose(ok -> ok ? streams() : done());
        }

        CompletableFuture<Void> streams() {
            begin(VerifyStep.MAIN_STREAM_URI);
            return streamUri(main).handle((uri, error) -> {
                if (error != null) {
                    failWith(VerifyStep.MAIN_STREAM_URI, error);
                    return false;
                }
                mainUri = uri;
                pass(VerifyStep.MAIN_STREAM_URI, uri + " (profile " + main.token() + ")");
                return true;
            }).thenCompose(ok -> {
                if (!ok) {
                    return done();
                }
                begin(VerifyStep.SUB_STREAM_URI);
                if (sub == null) {
                    checks.put(VerifyStep.SUB_STREAM_URI, new VerifyCheck(VerifyStep.SUB_STREAM_URI, CheckStatus.WARN,
                            "the device has one video profile", "add a low-resolution profile for live walls", 0));
                    return CompletableFuture.completedFuture(null);
                }
                return streamUri(sub).handle((uri, error) -> {
                    if (error != null) {
                        failWith(VerifyStep.SUB_STREAM_URI, error);
                    } else {
                        subUri = uri;
                        pass(VerifyStep.SUB_STREAM_URI, uri + " (profile " + sub.token() + ")");
                    }
                    return null;
                });
            }).thenCompose(ignored -> mainUri == null ? done() : describeStreams());
        }

        CompletableFuture<String> streamUri(MediaProfile profile) {
            return media2 ? device.streamUri2(mediaXaddr, profile.token()) : device.streamUri(mediaXaddr, profile.token());
        }

        CompletableFuture<Void> describeStreams() {
            return describe(VerifyStep.MAIN_STREAM_DESCRIBE, mainUri)
                    .thenCompose(ignored -> subUri == null ? CompletableFuture.completedFuture(null)
                            : describe(VerifyStep.SUB_STREAM_DESCRIBE, subUri))
                    .thenCompose(ignored -> snapshot());
        }

        CompletableFuture<Void> describe(VerifyStep step, String uri) {
            begin(step);
            return rtsp.probe(uri, username, password, ProbeDepth.DESCRIBE).thenAccept(outcome -> record(step, outcome));
        }

        void record(VerifyStep step, ProbeOutcome outcome) {
            if (outcome.ok()) {
                String size = outcome.width() == null ? "size unknown" : outcome.width() + "x" + outcome.height();
                pass(step, (outcome.codec() == null ? "codec unknown" : outcome.codec()) + " " + size);
            } else {
                fail(step, outcome.error() + ": " + outcome.message(),
                        "check the RTSP port is reachable and the same credentials work for streaming", elapsed());
            }
        }

        CompletableFuture<Void> snapshot() {
            begin(VerifyStep.SNAPSHOT);
            return device.snapshotUri(mediaXaddr, main.token(), media2).thenCompose(device::snapshot).handle((reply, error) -> {
                if (error != null) {
                    OnvifException e = onvif(error);
                    if (e != null && e.error() == OnvifError.ACTION_NOT_SUPPORTED) {
                        checks.put(VerifyStep.SNAPSHOT, new VerifyCheck(VerifyStep.SNAPSHOT, CheckStatus.WARN,
                                "the device offers no snapshot", "nothing to fix; thumbnails will come from the stream",
                                elapsed()));
                    } else {
                        failWith(VerifyStep.SNAPSHOT, error);
                    }
                    return null;
                }
                byte[] body = reply.body();
                boolean jpeg = body.length > 3 && (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xD8;
                if (reply.status() == 200 && jpeg) {
                    snapshot = body;
                    pass(VerifyStep.SNAPSHOT, body.length + " bytes of JPEG");
                } else {
                    fail(VerifyStep.SNAPSHOT, "HTTP " + reply.status() + " with " + body.length + " bytes of "
                            + (reply.contentType().isEmpty() ? "unknown type" : reply.contentType()),
                            reply.status() == 401 ? "the snapshot URL refuses the credentials"
                                    : "the snapshot URL does not serve a JPEG", elapsed());
                }
                return null;
            });
        }

        CompletableFuture<Void> done() {
            return CompletableFuture.completedFuture(null);
        }

        void begin(VerifyStep step) {
            current = step;
            stepStart = System.nanoTime();
        }

        long elapsed() {
            return (System.nanoTime() - stepStart) / 1_000_000;
        }

        void pass(VerifyStep step, String detail) {
            checks.put(step, VerifyCheck.pass(step, detail, elapsed()));
        }

        void fail(VerifyStep step, String detail, String advice, long millis) {
            checks.put(step, new VerifyCheck(step, CheckStatus.FAIL, detail, advice, millis));
        }

        void failWith(VerifyStep step, Throwable error) {
            OnvifException e = onvif(error);
            if (e != null) {
                fail(step, e.error() + ": " + e.getMessage(), e.error().advice(), elapsed());
            } else {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                fail(step, String.valueOf(cause), "see the server log", elapsed());
            }
        }

        Inspection finish() {
            List<VerifyCheck> ordered = new ArrayList<>();
            VerifyStep failed = null;
            for (VerifyStep step : VerifyStep.values()) {
                VerifyCheck check = checks.get(step);
                if (check == null) {
                    check = VerifyCheck.skipped(step, failed == null ? current : failed);
                } else if (check.status() == CheckStatus.FAIL && failed == null) {
                    failed = step;
                }
                ordered.add(check);
            }
            VerificationReport report = new VerificationReport(cameraId, startedAt, clock.instant(), ordered, manufacturer,
                    model, firmware, serial, device == null || checks.get(VerifyStep.AUTHENTICATED) == null
                            || checks.get(VerifyStep.AUTHENTICATED).status() != CheckStatus.PASS ? null
                            : device.authMode().name(), clockOffsetMillis, mainUri, subUri,
                    snapshot == null ? 0 : snapshot.length);
            return new Inspection(report, snapshot);
        }
    }

    private static OnvifException onvif(Throwable error) {
        Throwable at = error;
        while (at != null) {
            if (at instanceof OnvifException e) {
                return e;
            }
            at = at.getCause();
        }
        return null;
    }

    private static String offsetInWords(Duration offset) {
        long seconds = Math.round(offset.toMillis() / 1000.0); // device clocks report whole seconds
        if (Math.abs(offset.toMillis()) < 1000) {
            return "within a second of ours";
        }
        long abs = Math.abs(seconds);
        long minutes = Math.round(abs / 60.0); // to the nearest minute: the reading itself is good to a second or two
        String amount = abs >= 3600 ? (minutes / 60) + " h " + (minutes % 60) + " min" : abs >= 60
                ? (abs / 60) + " min " + (abs % 60) + " s" : abs + " s";
        return amount + (seconds > 0 ? " ahead of ours" : " behind ours");
    }

    private static String profilesInWords(List<MediaProfile> profiles) {
        StringBuilder out = new StringBuilder();
        for (MediaProfile p : profiles) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(p.token()).append(' ').append(p.encoding()).append(' ').append(p.width()).append('x').append(p.height());
        }
        return out.toString();
    }

    private static String names(List<ServiceAddress> services) {
        return services.size() + " services";
    }
}
