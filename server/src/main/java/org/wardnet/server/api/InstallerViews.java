package org.wardnet.server.api;

import java.util.List;
import org.wardnet.core.install.VerificationReport;
import org.wardnet.core.install.VerifyCheck;

/** The JSON shape of a verification report; what the API returns is also what is stored. */
public final class InstallerViews {

    private InstallerViews() {
    }

    /** A verification report; its checks in the order they ran. */
    public record ReportJson(String cameraId, boolean passed, String startedAt, String finishedAt, String firstFailure,
            DeviceJson device, StreamsJson streams, int snapshotBytes, List<CheckJson> checks) {
    }

    /** What the device said of itself. */
    public record DeviceJson(String manufacturer, String model, String firmware, String serialNumber,
            String authentication, Long clockOffsetMillis) {
    }

    public record StreamsJson(String main, String sub) {
    }

    /** One step: what it proves, how it went, and what to do when it failed. */
    public record CheckJson(String step, String status, String proves, String detail, String advice, long millis) {
    }

    public static ReportJson report(VerificationReport report) {
        return new ReportJson(report.cameraId(), report.passed(), report.startedAt().toString(),
                report.finishedAt().toString(), report.firstFailure().map(c -> c.step().name()).orElse(null),
                new DeviceJson(report.manufacturer(), report.model(), report.firmware(), report.serialNumber(),
                        report.authentication(), report.clockOffsetMillis()),
                new StreamsJson(report.mainStreamUri(), report.subStreamUri()), report.snapshotBytes(),
                report.checks().stream().map(InstallerViews::check).toList());
    }

    private static CheckJson check(VerifyCheck check) {
        return new CheckJson(check.step().name(), check.status().name(), check.step().proves(), check.detail(),
                check.advice(), check.millis());
    }
}
