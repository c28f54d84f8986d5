package org.wardnet.server.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wardnet.core.install.VerificationReport;
import org.wardnet.core.install.VerifyCheck;

/** The JSON shape of a verification report; what the API returns is also what is stored. */
public final class InstallerViews {

    private InstallerViews() {
    }

    public static Map<String, Object> report(VerificationReport report) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("cameraId", report.cameraId());
        view.put("passed", report.passed());
        view.put("startedAt", report.startedAt().toString());
        view.put("finishedAt", report.finishedAt().toString());
        view.put("firstFailure", report.firstFailure().map(c -> c.step().name()).orElse(null));
        Map<String, Object> device = new LinkedHashMap<>();
        device.put("manufacturer", report.manufacturer());
        device.put("model", report.model());
        device.put("firmware", report.firmware());
        device.put("serialNumber", report.serialNumber());
        device.put("authentication", report.authentication());
        device.put("clockOffsetMillis", report.clockOffsetMillis());
        view.put("device", device);
        Map<String, Object> streams = new LinkedHashMap<>();
        streams.put("main", report.mainStreamUri());
        streams.put("sub", report.subStreamUri());
        view.put("streams", streams);
        view.put("snapshotBytes", report.snapshotBytes());
        List<Map<String, Object>> checks = new ArrayList<>();
        for (VerifyCheck check : report.checks()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("step", check.step().name());
            c.put("status", check.status().name());
            c.put("proves", check.step().proves());
            c.put("detail", check.detail());
            c.put("advice", check.advice());
            c.put("millis", check.millis());
            checks.add(c);
        }
        view.put("checks", checks);
        return view;
    }
}
