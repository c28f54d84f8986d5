package org.wardnet.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class EventLoopsTest {

    @Test
    void aBlockedEventLoopIsNamedAndRecoveryIsSeen() throws Exception {
        try (EventLoops loops = new EventLoops(2)) {
            CountDownLatch release = new CountDownLatch(1);
            loops.workers().next().execute(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            List<String> slow = loops.unresponsive(Duration.ofMillis(300));
            release.countDown();
            assertEquals(1, slow.size(), slow.toString());
            assertTrue(loops.unresponsive(Duration.ofSeconds(5)).isEmpty());
        }
    }
}
