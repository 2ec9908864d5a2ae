package dev.toggltrackmcp.toggl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.sandbox.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestPacerTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T09:00:00Z"));
  private final RequestPacer pacer = RequestPacer.togglDefault(clock, clock::sleep);

  @Test
  void aBurstOfThreeIsFreeAndTheFourthWaitsOneSecond() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      pacer.acquire();
    }
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
    pacer.acquire();
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-25T09:00:01Z"));
    pacer.acquire();
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-25T09:00:02Z"));
  }

  @Test
  void idleTimeRefillsTheBurstButNoMoreThanThree() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      pacer.acquire();
    }
    clock.advance(Duration.ofMinutes(10));
    Instant rested = clock.instant();
    for (int i = 0; i < 3; i++) {
      pacer.acquire();
    }
    assertThat(clock.instant()).isEqualTo(rested);
    pacer.acquire();
    assertThat(clock.instant()).isEqualTo(rested.plusSeconds(1));
  }

  @Test
  void concurrentCallersAreServedOneAtATimeAndNeverFasterThanTheRate() throws Exception {
    List<Instant> granted = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  pacer.acquire();
                  synchronized (granted) {
                    granted.add(clock.instant());
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(granted).hasSize(8);
    // 8 requests at 3 burst + 1/s need at least 5 s of (simulated) time.
    assertThat(clock.instant()).isAfterOrEqualTo(Instant.parse("2026-11-25T09:00:05Z"));
  }

  @Test
  void aWriteWaitingBehindHistoryPagesIsServedFirst() throws Exception {
    java.util.concurrent.CountDownLatch wake = new java.util.concurrent.CountDownLatch(1);
    List<String> served = java.util.Collections.synchronizedList(new ArrayList<>());
    RequestPacer gated =
        new RequestPacer(
            clock,
            d -> {
              served.add(Thread.currentThread().getName()); // who waits for a token, in turn
              wake.await(); // the first waiter holds its turn until the queue has formed
              clock.sleep(d);
            },
            1,
            Duration.ofSeconds(1));
    gated.acquire(Purpose.BACKFILL); // spends the only token
    List<Thread> threads = new ArrayList<>();
    threads.add(start(gated, Purpose.BACKFILL, "page-1"));
    while (served.isEmpty()) {
      Thread.onSpinWait(); // until the first page is waiting for its token
    }
    threads.add(start(gated, Purpose.BACKFILL, "page-2"));
    threads.add(start(gated, Purpose.BACKFILL, "page-3"));
    threads.add(start(gated, Purpose.WRITE, "write"));
    while (threads.stream().filter(t -> t.getState() == Thread.State.WAITING).count() < 4) {
      Thread.onSpinWait(); // until everyone is in the queue, not for time to pass
    }
    wake.countDown();
    for (Thread t : threads) {
      t.join();
    }
    assertThat(served).hasSize(4);
    assertThat(served.subList(0, 2)).containsExactly("page-1", "write");
  }

  private static Thread start(RequestPacer pacer, Purpose purpose, String name) {
    Thread t =
        new Thread(
            () -> {
              try {
                pacer.acquire(purpose);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            name);
    t.start();
    return t;
  }
}
