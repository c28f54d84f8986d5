package org.wardnet.core.recording;

import java.nio.file.Path;
import java.time.Clock;

/** Makes the recorder of one camera's stream; the recording service runs it on a thread of its own. */
@FunctionalInterface
public interface StreamRecorders {

    /**
     * @param url       rtsp:// URL without credentials
     * @param directory where this camera's segments go (created when missing)
     */
    StreamRecorder create(String cameraId, String url, String username, String password, Path directory,
            RecorderSettings settings, StreamRecorder.Listener listener, Clock clock);
}
