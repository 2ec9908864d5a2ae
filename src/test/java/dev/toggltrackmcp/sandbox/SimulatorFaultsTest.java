package dev.toggltrackmcp.sandbox;

import static dev.toggltrackmcp.sandbox.RawHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toggltrackmcp.testing.SimulatedWorld;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The faults writes need (issues #11, #12): a write stored and then its answer lost, Toggl never
 * answering, a body that stalls. Stalls are real time, so each is bounded and released here.
 */
@Timeout(60)
class SimulatorFaultsTest {
  private static final String ENTRIES = "/api/v9/workspaces/7654321/time_entries";
  private static final String TEMPLATE = "/api/v9/workspaces/{id}/time_entries";
  private static final String BODY =
      "{\"created_with\":\"test\",\"workspace_id\":7654321,\"start\":\"2026-11-24T09:00:00Z\","
          + "\"duration\":600,\"description\":\"Exactly once\"}";
  private SimulatedWorld world = new SimulatedWorld();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    world.close();
  }

  private HttpRequest post(@Nullable Duration timeout) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(world.simulator.baseUrl() + ENTRIES))
            .header("Authorization", RawHttp.basic(world.simulator.token()))
            .POST(HttpRequest.BodyPublishers.ofString(BODY));
    if (timeout != null) {
      b.timeout(timeout);
    }
    world.clock.advance(Duration.ofSeconds(2));
    return b.build();
  }

  private long storedCopies() {
    return world.data().liveEntries().stream()
        .filter(e -> e.description().equals("Exactly once"))
        .count();
  }

  private void awaitStalled(int n) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (world.simulator.faults().stalled() < n && System.nanoTime() < deadline) {
      Thread.onSpinWait(); // waiting for requests to arrive, not for time to pass
    }
    assertThat(world.simulator.faults().stalled()).isEqualTo(n);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "STORED_THEN_DROPPED, 0",
    "STORED_THEN_500, 500",
    "STORED_THEN_502, 502",
    "STORED_THEN_503, 503"
  })
  void aWriteStoredThenItsAnswerLostLeavesExactlyOneEntry(Fault fault, int status)
      throws Exception {
    world.simulator.faults().next(1, fault, "POST", ENTRIES);
    Throwable thrown = null;
    int seen = 0;
    try {
      seen = http.send(post(null), HttpResponse.BodyHandlers.ofString()).statusCode();
    } catch (IOException e) {
      thrown = e;
    }
    if (status == 0) {
      assertThat(thrown).isInstanceOf(IOException.class);
    } else {
      assertThat(seen).isEqualTo(status);
    }
    assertThat(storedCopies()).isEqualTo(1);
    assertThat(world.simulator.requests().stored("POST", TEMPLATE)).isEqualTo(1);
    assertThat(world.simulator.requests().faulted())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.fault()).isEqualTo(fault);
              assertThat(r.stored()).isTrue();
              assertThat(r.status()).isEqualTo(status);
            });
  }

  @Test
  void whenTogglNeverAnswersNothingIsStoredAndTheClientTimesOut() {
    world.simulator.faults().next(1, Fault.NO_ANSWER, "POST", ENTRIES);
    Throwable thrown =
        catchThrowable(
            () -> http.send(post(Duration.ofMillis(300)), HttpResponse.BodyHandlers.ofString()));
    assertThat(thrown).isInstanceOf(HttpTimeoutException.class);
    assertThat(storedCopies()).isZero();
    assertThat(world.simulator.requests().answeredBy(Fault.NO_ANSWER)).isEqualTo(1);
    assertThat(world.simulator.requests().stored("POST", TEMPLATE)).isZero();
    world.simulator.faults().releaseStalls();
  }

  @Test
  void aWriteStoredThenStalledIsStoredOnceWhileTheClientGivesUp() {
    world.simulator.faults().next(1, Fault.STORED_THEN_STALL, "POST", ENTRIES);
    Throwable thrown =
        catchThrowable(
            () -> http.send(post(Duration.ofMillis(300)), HttpResponse.BodyHandlers.ofString()));
    assertThat(thrown).isInstanceOf(HttpTimeoutException.class);
    assertThat(storedCopies()).isEqualTo(1);
    world.simulator.faults().releaseStalls();
  }

  @Test
  void headersSentThenTheBodyStallsUntilReleasedAndTheClientSeesAnIncompleteBody()
      throws Exception {
    world.simulator.faults().next(1, Fault.HEADERS_THEN_STALL, "POST", ENTRIES);
    CompletableFuture<HttpResponse<String>> answer =
        http.sendAsync(post(null), HttpResponse.BodyHandlers.ofString());
    awaitStalled(1);
    assertThat(answer).isNotDone();
    assertThat(world.simulator.requests().faulted())
        .singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(200));
    world.simulator.faults().releaseStalls();
    ExecutionException failed =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            ExecutionException.class, () -> answer.get(20, TimeUnit.SECONDS));
    assertThat(failed).hasCauseInstanceOf(IOException.class);
    assertThat(storedCopies()).isEqualTo(1);
  }

  @Test
  void stalledRequestsNeverKeepOthersWaitingAndCloseReleasesThemAll() throws Exception {
    world.simulator.faults().next(20, Fault.NO_ANSWER, "GET", "/api/v9/me/workspaces");
    List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      held.add(
          http.sendAsync(
              HttpRequest.newBuilder(
                      URI.create(world.simulator.baseUrl() + "/api/v9/me/workspaces"))
                  .header("Authorization", RawHttp.basic(world.simulator.token()))
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    awaitStalled(20);
    RawHttp raw = new RawHttp(world);
    assertThat(raw.get("/api/v9/me").statusCode()).isEqualTo(200);
    world.close();
    for (CompletableFuture<HttpResponse<String>> f : held) {
      assertThat(catchThrowable(() -> f.get(20, TimeUnit.SECONDS)))
          .isInstanceOf(ExecutionException.class);
    }
    assertThat(world.simulator.faults().stalled()).isZero();
  }

  @Test
  void aStallEndsByItselfAtTheCap() {
    world.close();
    world = new SimulatedWorld(SimulatorOptions.defaults().withStallCap(Duration.ofMillis(200)));
    world.simulator.faults().next(1, Fault.NO_ANSWER);
    Throwable thrown =
        catchThrowable(() -> http.send(post(null), HttpResponse.BodyHandlers.ofString()));
    assertThat(thrown).isInstanceOf(IOException.class);
    assertThat(world.simulator.faults().stalled()).isZero();
  }

  @Test
  void theAdminApiArmsTheNewFaultsAndReportsWhatWasStoredAndWhatAFaultAnswered() throws Exception {
    RawHttp raw = new RawHttp(world);
    HttpResponse<String> armed =
        raw.send(
            "POST",
            "/_simulator/faults",
            null,
            "{\"kind\":\"STORED_THEN_503\",\"method\":\"POST\",\"path_prefix\":\""
                + ENTRIES
                + "\"}");
    assertThat(armed.statusCode()).isEqualTo(200);
    assertThat(raw.get("/api/v9/me/workspaces").statusCode()).isEqualTo(200); // not matched
    assertThat(http.send(post(null), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(503);
    JsonNode counts = json(raw.get("/_simulator/requests", null));
    assertThat(counts.get("stored_by_endpoint").get("POST " + TEMPLATE).asInt()).isEqualTo(1);
    assertThat(counts.get("faulted"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.get("fault").asText()).isEqualTo("STORED_THEN_503");
              assertThat(f.get("stored").asBoolean()).isTrue();
            });
    assertThat(raw.send("POST", "/_simulator/stalls/release", null, "").statusCode())
        .isEqualTo(200);
  }
}
