package org.wardnet.app.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * A node's link events leave in the order its changes happened: one alarm when it falls silent,
 * one recovery at its next contact, and a contact arriving while the alarm is being raised is told
 * after the alarm, never before it (a parent applying them in order would otherwise keep the
 * node's cameras STALE while the node is in touch).
 */
class NodeReachabilityTest {

    private static final Instant T0 = Instant.parse("2026-12-07T03:00:00Z");
    private static final Duration STALE_AFTER = Duration.ofSeconds(3);

    @Test
    void oneAlarmWhenSilentAndOneRecoveryAtTheNextContact() {
        List<String> told = new CopyOnWriteArrayList<>();
        NodeReachability links = new NodeReachability(event -> told.add(event.id() + " " + event.to()));
        links.contact("room-a", "R1", T0);
        links.checkSilence("room-a", "R1", T0, T0.plusSeconds(3), STALE_AFTER);
        assertEquals(List.of(), told, "3 s of silence is within the limit");
        links.checkSilence("room-a", "R1", T0, T0.plusSeconds(4), STALE_AFTER);
        links.checkSilence("room-a", "R1", T0, T0.plusSeconds(9), STALE_AFTER);
        assertEquals(List.of("room-a UNREACHABLE"), told, "one alarm, however long the silence");
        assertEquals(T0, links.unreachableSince("room-a").orElseThrow());
        links.contact("room-a", "R1", T0.plusSeconds(10));
        links.contact("room-a", "R1", T0.plusSeconds(11));
        assertEquals(List.of("room-a UNREACHABLE", "room-a REACHABLE"), told, "one recovery");
        assertTrue(links.unreachableSince("room-a").isEmpty());
        links.checkSilence("room-b", "R2", T0, T0.plusSeconds(4), STALE_AFTER);
        assertEquals("room-b UNREACHABLE", told.get(2), "a node never heard from counts from when it could be");
    }

    @Test
    void aContactWhileTheAlarmIsRaisedIsToldAfterIt() throws Exception {
        List<String> told = new CopyOnWriteArrayList<>();
        CountDownLatch raising = new CountDownLatch(1);
        CountDownLatch raised = new CountDownLatch(1);
        NodeReachability links = new NodeReachability(event -> {
            if (event.to().equals("UNREACHABLE")) { // the alarm's way to the queue takes a while
                raising.countDown();
                awaitQuietly(raised);
            }
            told.add(event.id() + " " + event.to());
        });
        links.contact("room-c", "R3", T0);
        CompletableFuture<Void> check = CompletableFuture.runAsync(
                () -> links.checkSilence("room-c", "R3", T0, T0.plusSeconds(4), STALE_AFTER));
        assertTrue(raising.await(30, TimeUnit.SECONDS), "the checker is raising the alarm");
        CompletableFuture<Void> push = CompletableFuture.runAsync(() -> links.contact("room-c", "R3",
                T0.plusSeconds(4)));
        try {
            push.get(300, TimeUnit.MILLISECONDS); // it may not get in while the alarm is on its way
        } catch (TimeoutException expected) {
            // it waits for the alarm
        }
        raised.countDown();
        check.get(30, TimeUnit.SECONDS);
        push.get(30, TimeUnit.SECONDS);
        assertEquals(List.of("room-c UNREACHABLE", "room-c REACHABLE"), told);
        assertTrue(links.unreachableSince("room-c").isEmpty(), "in touch");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
