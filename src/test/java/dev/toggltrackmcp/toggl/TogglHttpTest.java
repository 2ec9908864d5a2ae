package dev.toggltrackmcp.toggl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import dev.toggltrackmcp.config.Secret;
import dev.toggltrackmcp.sandbox.Fault;
import dev.toggltrackmcp.sandbox.ManualClock;
import dev.toggltrackmcp.testing.SimulatedWorld;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The wire's promises: a create is never sent twice blindly, and no exchange hangs. */
class TogglHttpTest {
  private static final String ENTRIES = "/api/v9/workspaces/7654321/time_entries";
  private final SimulatedWorld world = new SimulatedWorld();
  private final TogglHttp http = world.client().http();

  @AfterEach
  void stop() {
    world.close();
  }

  @ParameterizedTest
  @EnumSource(
      value = Fault.class,
      names = {"SERVER_ERROR_500", "BAD_GATEWAY_502", "UNAVAILABLE_503", "DROP_CONNECTION"})
  void aCreateWhoseAnswerIsLostIsNotSentAgainButReportedUnconfirmed(Fault fault) {
    world.simulator.faults().next(5, fault);
    TogglException e =
        catchThrowableOfType(TogglException.class, () -> http.post(ENTRIES, "{\"x\":1}"));
    assertThat(e.kind()).isEqualTo("unconfirmed");
    assertThat(e.getMessage()).contains("may or may not have been saved");
    if (fault != Fault.DROP_CONNECTION) {
      assertThat(world.simulator.requests().count()).isEqualTo(1);
    }
  }

  @Test
  void aCreateRefusedByTheBurstLimitIsSentAgainBecauseTogglNeverTookIt() {
    world.simulator.faults().next(1, Fault.RATE_LIMITED_429);
    catchThrowableOfType(TogglException.class, () -> http.post(ENTRIES, "{}"));
    assertThat(world.simulator.requests().count()).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(
      value = Fault.class,
      names = {"SERVER_ERROR_500", "BAD_GATEWAY_502", "RATE_LIMITED_429"})
  void idempotentChangesAreRetriedLikeReads(Fault fault) {
    world.simulator.faults().next(12, fault);
    catchThrowableOfType(TogglException.class, () -> http.put(ENTRIES + "/1", "{}"));
    catchThrowableOfType(TogglException.class, () -> http.delete(ENTRIES + "/1"));
    catchThrowableOfType(TogglException.class, () -> http.patch(ENTRIES + "/1/stop", null));
    assertThat(world.simulator.requests().count()).isEqualTo(12);
  }

  @Test
  void everyRequestIsCountedWithItsPurpose() {
    http.get("/api/v9/me");
    http.forPurpose(Purpose.BACKFILL).get("/api/v9/me");
    http.forPurpose(Purpose.TEAM).get("/api/v9/me");
    catchThrowableOfType(TogglException.class, () -> http.post(ENTRIES, "{}"));
    assertThat(http.ledger().lastHourByPurpose())
        .containsEntry(Purpose.SYNC, 1)
        .containsEntry(Purpose.BACKFILL, 1)
        .containsEntry(Purpose.TEAM, 1)
        .containsEntry(Purpose.WRITE, 1);
    assertThat(http.ledger().lastHour(QuotaBucket.USER)).isEqualTo(3);
    assertThat(http.requestsMade()).isEqualTo(4);
    world.clock.advance(Duration.ofMinutes(61));
    assertThat(http.ledger().lastHourByPurpose()).isEmpty();
    assertThat(http.requestsMade()).isEqualTo(4);
  }

  @Test
  @Timeout(30)
  void aTogglThatSendsHeadersThenStallsIsCutOffAtTheDeadline() throws IOException {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger asked = new AtomicInteger();
    HttpServer stalling =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    stalling.createContext(
        "/",
        exchange -> {
          asked.incrementAndGet();
          exchange.sendResponseHeaders(200, 1000); // promises 1000 bytes, sends none
          exchange.getResponseBody().flush();
          try {
            release.await(20, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
    stalling.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    stalling.start();
    try {
      ManualClock clock = new ManualClock(SimulatedWorld.NOW);
      TogglHttp impatient =
          new TogglHttp(
              URI.create("http://127.0.0.1:" + stalling.getAddress().getPort()),
              Secret.of("t0ken-t0ken-t0ken"),
              "test",
              Duration.ofMillis(300),
              RequestPacer.togglDefault(clock, clock::sleep),
              RetryPolicy.togglDefault(new Random(1)),
              new QuotaWatch(clock),
              clock::sleep,
              clock);
      TogglException read =
          catchThrowableOfType(TogglException.class, () -> impatient.get("/api/v9/me"));
      assertThat(read.kind()).isEqualTo("network");
      assertThat(read.getMessage()).contains("no answer within 300 ms");
      assertThat(asked.get()).isEqualTo(4); // a read is tried again, three times
      asked.set(0);
      TogglException create =
          catchThrowableOfType(TogglException.class, () -> impatient.post(ENTRIES, "{}"));
      assertThat(create.kind()).isEqualTo("unconfirmed");
      assertThat(asked.get()).isEqualTo(1);
    } finally {
      release.countDown();
      stalling.stop(0);
    }
  }
}
