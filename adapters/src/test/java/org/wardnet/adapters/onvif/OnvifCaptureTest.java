package org.wardnet.adapters.onvif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every real device reply in captures/onvif decodes, with the values it holds. */
class OnvifCaptureTest {

    private final SoapEnvelope soap = new SoapEnvelope(new SafeXmlReader(1 << 20));

    static byte[] capture(String name) throws IOException {
        try (InputStream in = OnvifCaptureTest.class.getResourceAsStream("/captures/onvif/" + name)) {
            if (in == null) {
                throw new IOException("missing capture " + name);
            }
            return in.readAllBytes();
        }
    }

    private XmlElement answer(String name) throws Exception {
        return soap.answer(capture(name));
    }

    @Test
    void systemDateAndTimeOfEveryVendor() throws Exception {
        assertEquals(Instant.parse("2018-02-27T23:09:59Z"),
                OnvifReplies.systemDateAndTime(answer("axis-q6045-e-GetSystemDateAndTime.xml")));
        assertEquals(Instant.parse("2023-05-24T21:25:05Z"),
                OnvifReplies.systemDateAndTime(answer("bosch-flexidome-indoor-5100i-ir-GetSystemDateAndTime.xml")));
        assertEquals(Instant.parse("2018-02-27T18:28:01Z"),
                OnvifReplies.systemDateAndTime(answer("hikvision-ds-2df7276-ael-GetSystemDateAndTime.xml")));
        assertEquals(Instant.parse("2018-02-27T18:10:11Z"),
                OnvifReplies.systemDateAndTime(answer("pelco-d6230l-GetSystemDateAndTime.xml")));
    }

    @Test
    void deviceInformationOfEveryVendor() throws Exception {
        assertEquals(new DeviceInformation("AXIS", "AXIS Q6045-E", "5.55.1.2", "00408CFAB754", "1C9.2"),
                OnvifReplies.deviceInformation(answer("axis-q6045-e-GetDeviceInformation.xml")));
        assertEquals(new DeviceInformation("Bosch", "FLEXIDOME indoor 5100i IR", "8.71.0066", "404754734001050102",
                "F000B543"), OnvifReplies.deviceInformation(answer("bosch-flexidome-indoor-5100i-ir-GetDeviceInformation.xml")));
        assertEquals(new DeviceInformation("HIKVISION", "DS-2DF7276-AEL", "V5.1.6 build 140401",
                "DS-2DF7276-AEL20140613CCWR468714298B", "88"),
                OnvifReplies.deviceInformation(answer("hikvision-ds-2df7276-ael-GetDeviceInformation.xml")));
        assertEquals(new DeviceInformation("Pelco", "D6230L", "2.9.0.4.9340-A0.0", "J250117", "00:04:7d:0e:b8:5c"),
                OnvifReplies.deviceInformation(answer("pelco-d6230l-GetDeviceInformation.xml")));
        assertEquals("TV-IP320PI20161206AAWR863642784",
                OnvifReplies.deviceInformation(answer("trendnet-tv-ip320pi-GetDeviceInformation.xml")).serialNumber());
    }

    @Test
    void capabilitiesGiveServiceAddresses() throws Exception {
        List<ServiceAddress> axis = OnvifReplies.capabilities(answer("axis-q6045-e-GetCapabilities.xml"));
        assertEquals("http://192.168.0.19/onvif/services", OnvifDevice.xaddrOf(axis, OnvifReplies.MEDIA).orElseThrow());
        assertEquals(4, axis.size());
        List<ServiceAddress> hik = OnvifReplies.capabilities(answer("hikvision-ds-2df7276-ael-GetCapabilities.xml"));
        assertEquals("http://10.10.1.60/onvif/Media", OnvifDevice.xaddrOf(hik, OnvifReplies.MEDIA).orElseThrow());
        assertEquals("http://10.10.1.60/onvif/PTZ", OnvifDevice.xaddrOf(hik, OnvifReplies.PTZ).orElseThrow());
        assertEquals("http://192.168.1.201/onvif/media_service", OnvifDevice.xaddrOf(
                OnvifReplies.capabilities(answer("bosch-flexidome-indoor-5100i-ir-GetCapabilities.xml")),
                OnvifReplies.MEDIA).orElseThrow());
        assertEquals("http://192.168.1.123/onvif/media_service", OnvifDevice.xaddrOf(
                OnvifReplies.capabilities(answer("dahua-unknown-GetCapabilities.xml")), OnvifReplies.MEDIA).orElseThrow());
        assertEquals("http://10.10.1.66/onvif/eventing_service", OnvifDevice.xaddrOf(
                OnvifReplies.capabilities(answer("pelco-d6230l-GetCapabilities.xml")), OnvifReplies.EVENTS).orElseThrow());
    }

    @Test
    void servicesWithVersions() throws Exception {
        List<ServiceAddress> hik = OnvifReplies.services(answer("hikvision-ds-2df7276-ael-GetServices.xml"));
        assertEquals(7, hik.size());
        assertEquals(new ServiceAddress(OnvifReplies.DEVICE, "http://10.10.1.60/onvif/device_service", "2.10"), hik.get(0));
        assertTrue(OnvifDevice.xaddrOf(hik, OnvifReplies.MEDIA2).isEmpty(), "this firmware predates Media2");
        List<ServiceAddress> pelco = OnvifReplies.services(answer("pelco-d6230l-GetServices.xml"));
        assertEquals(22, pelco.size());
        assertEquals("2.50", pelco.get(0).version());
        assertEquals("http://10.10.1.66/onvif/recording_search_service",
                OnvifDevice.xaddrOf(pelco, "http://www.onvif.org/ver10/search/wsdl").orElseThrow());
    }

    @Test
    void scopesInOrder() throws Exception {
        List<String> scopes = OnvifReplies.scopes(answer("hikvision-ds-2df7276-ael-GetScopes.xml"));
        assertEquals(8, scopes.size());
        assertEquals("onvif://www.onvif.org/type/video_encoder", scopes.get(0));
        assertEquals("onvif://www.onvif.org/name/DS-2DF7276-AEL", scopes.get(6));
        assertEquals("onvif://www.onvif.org/location/city/hangzhou", scopes.get(7));
    }

    @Test
    void profilesOfEveryVendor() throws Exception {
        assertEquals(List.of(new MediaProfile("0", "Profile_L1S1", "H264", 1920, 1080, 30, 5200),
                new MediaProfile("1", "Profile_L1S2", "H264", 1536, 864, 30, 3400),
                new MediaProfile("2", "Profile_L1S3", "H264", 1280, 720, 30, 2400),
                new MediaProfile("3", "Profile_L1S4", "H264", 512, 288, 30, 400)),
                OnvifReplies.profiles(answer("bosch-flexidome-indoor-5100i-ir-GetProfiles.xml")));
        List<MediaProfile> axis = OnvifReplies.profiles(answer("axis-q6045-e-GetProfiles.xml"));
        assertEquals(List.of("profile_1_h264", "profile_1_jpeg"), axis.stream().map(MediaProfile::token).toList());
        assertEquals("JPEG", axis.get(1).encoding());
        List<MediaProfile> hik = OnvifReplies.profiles(answer("hikvision-ds-2df7276-ael-GetProfiles.xml"));
        assertEquals(new MediaProfile("Profile_1", "mainStream", "H264", 1280, 720, 10, 4096), hik.get(0));
        assertEquals(3, hik.size());
        List<MediaProfile> hik2 = OnvifReplies.profiles(answer("hikvision-unknown-2688x1520-GetProfiles.xml"));
        assertEquals(new MediaProfile("Profile_2", "subStream", "H264", 640, 360, 25, 768), hik2.get(1));
        List<MediaProfile> pelco = OnvifReplies.profiles(answer("pelco-d6230l-GetProfiles.xml"));
        assertEquals(new MediaProfile("1", "Secondary", "JPEG", 1920, 1080, 5, 5000), pelco.get(1));
    }

    @Test
    void streamAndSnapshotUris() throws Exception {
        assertEquals("rtsp://192.168.1.201/rtsp_tunnel?p=0&line=1&inst=1&vcd=2",
                OnvifReplies.uri(answer("bosch-flexidome-indoor-5100i-ir-GetStreamUri.xml")));
        assertEquals("rtsp://192.168.0.19/onvif-media/media.amp?profile=profile_1_jpeg&sessiontimeout=60&streamtype=unicast",
                OnvifReplies.uri(answer("axis-q6045-e-GetStreamUri.xml")));
        assertEquals("rtsp://192.168.1.123:554/cam/realmonitor?channel=1&subtype=1&unicast=true&proto=Onvif",
                OnvifReplies.uri(answer("dahua-unknown-GetStreamUri.xml")));
        assertEquals("rtsp://192.168.1.123:8554/rtsp-dahua1", OnvifReplies.uri(answer("go2rtc-1.9.4-GetStreamUri.xml")));
        assertEquals("rtsp://192.168.1.123:8554/rtsp-dahua2", OnvifReplies.uri(answer("go2rtc-1.9.8-GetStreamUri.xml")));
        assertEquals("rtsp://10.10.1.60:554/Streaming/Channels/3?transportmode=unicast&profile=Profile_3",
                OnvifReplies.uri(answer("hikvision-ds-2df7276-ael-GetStreamUri.xml")));
        assertEquals("rtsp://10.10.1.66/stream2_v", OnvifReplies.uri(answer("pelco-d6230l-GetStreamUri.xml")));
        assertEquals("http://192.168.0.19/onvif-cgi/jpg/image.cgi?resolution=1280x720&compression=20",
                OnvifReplies.uri(answer("axis-q6045-e-GetSnapshotUri.xml")));
        assertEquals("http://192.168.1.201/snap.jpg?JpegCam=1",
                OnvifReplies.uri(answer("bosch-flexidome-indoor-5100i-ir-GetSnapshotUri.xml")));
        assertEquals("http://10.10.1.60/onvif/snapshot", OnvifReplies.uri(answer("hikvision-ds-2df7276-ael-GetSnapshotUri.xml")));
        assertEquals("http://10.10.1.66/jpeg", OnvifReplies.uri(answer("pelco-d6230l-GetSnapshotUri.xml")));
    }

    @Test
    void faultsBecomePreciseErrors() throws Exception {
        OnvifException pelco = assertThrows(OnvifException.class,
                () -> answer("pelco-d6230l-GetAudioOutputConfigurations-Fault.xml"));
        assertEquals(OnvifError.ACTION_NOT_SUPPORTED, pelco.error());
        assertEquals(new SoapFault("Receiver", List.of("ActionNotSupported", "AudioOutputNotSupported"),
                "Audio Output is not supported."), pelco.fault());
        OnvifException hik = assertThrows(OnvifException.class,
                () -> answer("hikvision-ds-2df7276-ael-GetCertificates-Fault.xml"));
        assertEquals(OnvifError.ACTION_NOT_SUPPORTED, hik.error());
        assertEquals("Optional Action Not Implemented", hik.fault().reason());
        OnvifException axisAuth = assertThrows(OnvifException.class,
                () -> answer("axis-q6045-e-GetDot11Capabilities-Fault.xml"));
        assertEquals(OnvifError.NOT_AUTHORIZED, axisAuth.error());
        assertEquals(List.of("NotAuthorized"), axisAuth.fault().subcodes());
        OnvifException axisAction = assertThrows(OnvifException.class, () -> answer("axis-q6045-e-GetServices-Fault.xml"));
        assertEquals(OnvifError.FAULT, axisAction.error());
        assertEquals("Receiver/Action: Action failed", axisAction.fault().describe());
    }

    @Test
    void otherRepliesAreReadableEnvelopes() throws Exception {
        assertEquals("CreatePullPointSubscriptionResponse", answer("axis-q6045-e-CreatePullPointSubscription.xml").name());
        assertEquals("CreatePullPointSubscriptionResponse",
                answer("hikvision-ds-2df7276-ael-CreatePullPointSubscription.xml").name());
        assertEquals("GetStatusResponse", answer("hikvision-ds-2df7276-ael-GetStatus.xml").name());
        assertTrue(answer("pelco-d6230l-PullMessages.xml").find("NotificationMessage").isPresent());
    }
}
