package org.wardnet.simulator.district;

import java.util.List;
import java.util.Random;

/**
 * The camera makes of the district, with their share and the RTSP paths their firmware serves,
 * so generated URLs look like the ones installers meet.
 */
final class CameraCatalog {

    /** One make: vendor, models, main and sub stream paths, share in percent. */
    record Make(String vendor, List<String> models, String mainPath, String subPath, int percent) {
    }

    private static final List<Make> MAKES = List.of(
            new Make("Hikvision", List.of("DS-2CD2T47G2-L", "DS-2CD2346G2-ISU", "DS-2DE4425IW-DE"),
                    "/Streaming/Channels/101", "/Streaming/Channels/102", 45),
            new Make("Dahua", List.of("IPC-HFW2431S-S-S2", "IPC-HDBW2441E-S", "SD49425XB-HNR"),
                    "/cam/realmonitor?channel=1&subtype=0", "/cam/realmonitor?channel=1&subtype=1", 30),
            new Make("Uniview", List.of("IPC2124LB-SF40KM-G", "IPC3614SB-ADF28KM-I0"),
                    "/media/video1", "/media/video2", 15),
            new Make("Axis", List.of("P1455-LE", "Q6045-E"), "/axis-media/media.amp",
                    "/axis-media/media.amp?resolution=640x360", 5),
            new Make("Bosch", List.of("FLEXIDOME IP 5100i IR"), "/rtsp_tunnel?p=0", "/rtsp_tunnel?p=1", 5));

    private CameraCatalog() {
    }

    static Make pick(Random random) {
        int roll = random.nextInt(100);
        for (Make make : MAKES) {
            roll -= make.percent();
            if (roll < 0) {
                return make;
            }
        }
        return MAKES.get(0);
    }
}
