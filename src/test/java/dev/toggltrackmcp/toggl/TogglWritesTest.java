package dev.toggltrackmcp.toggl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.toggltrackmcp.config.Secret;
import dev.toggltrackmcp.sandbox.Fault;
import dev.toggltrackmcp.sandbox.ManualClock;
import dev.toggltrackmcp.testing.SimulatedWorld;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The write endpoints' bodies as Toggl wants them, and what a repeat after a lost answer means. */
class TogglWritesTest {
  private static final long WS = 7_654_321L;
  private static final String ENTRIES = "/api/v9/workspaces/" + WS + "/time_entries";
  private final SimulatedWorld world = new SimulatedWorld();
  private final TogglWrites writes = new TogglWrites(world.client().http());

  @AfterEach
  void stop() {
    world.close();
  }

  /** A loopback server that answers {@code answer} and keeps every body it was sent. */
  private static final class Recorder implements AutoCloseable {
    final List<String> bodies = new ArrayList<>();
    final HttpServer server;

    Recorder(String answer) throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
      server.createContext(
          "/",
          exchange -> {
            synchronized (bodies) {
              bodies.add(
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
          });
      server.start();
    }

    TogglWrites writes() {
      ManualClock clock = new ManualClock(SimulatedWorld.NOW);
      return new TogglWrites(
          new TogglHttp(
              URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
              Secret.of("t0ken-t0ken-t0ken"),
              "test",
              Duration.ofSeconds(5),
              RequestPacer.togglDefault(clock, clock::sleep),
              RetryPolicy.togglDefault(new Random(1)),
              new QuotaWatch(clock),
              clock::sleep,
              clock));
    }

    JsonNode body(int i) throws IOException {
      return TogglJson.mapper().readTree(bodies.get(i));
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  @Test
  void aTimerIsSentWithCreatedWithWorkspaceStartAndDurationMinusOneAndNoBillableUnlessGiven()
      throws IOException {
    String answer =
        "{\"id\":1,\"workspace_id\":7654321,\"start\":\"2026-11-25T09:00:00Z\",\"duration\":-1}";
    try (Recorder r = new Recorder(answer)) {
      Instant start = Instant.parse("2026-11-25T09:00:00.250Z");
      r.writes().createEntry(WS, start, null, "Call", 201_234_000L, null, List.of("meeting"), null);
      r.writes()
          .createEntry(
              WS, start, start.plusSeconds(3600), "", null, null, List.of(), Boolean.FALSE);

      JsonNode timer = r.body(0);
      assertThat(timer.get("created_with").asText()).isEqualTo(TogglWrites.CREATED_WITH);
      assertThat(timer.get("workspace_id").asLong()).isEqualTo(WS);
      assertThat(timer.get("start").asText()).isEqualTo("2026-11-25T09:00:00.250Z");
      assertThat(timer.get("duration").asLong()).isEqualTo(-1);
      assertThat(timer.has("stop")).isFalse();
      assertThat(timer.has("billable")).isFalse();
      assertThat(timer.get("tags").get(0).asText()).isEqualTo("meeting");
      JsonNode logged = r.body(1);
      assertThat(logged.get("stop").asText()).isEqualTo("2026-11-25T10:00:00.250Z");
      assertThat(logged.has("duration")).isFalse();
      assertThat(logged.get("billable").asBoolean(true)).isFalse();
      assertThat(logged.has("description")).isFalse();
      assertThat(logged.has("tags")).isFalse();
    }
  }

  @Test
  void anUpdateSendsOnlyItsFieldsWithNullToClearAndABulkEditAJsonPatch() throws IOException {
    String entry =
        "{\"id\":1,\"workspace_id\":7654321,\"start\":\"2026-11-25T09:00:00Z\",\"duration\":60}";
    try (Recorder r = new Recorder(entry)) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("project_id", null);
      fields.put("stop", Instant.parse("2026-11-25T10:00:00Z"));
      fields.put("tags", List.of("travel"));
      fields.put("tag_action", "add");
      r.writes().updateEntry(WS, 1, fields);
      JsonNode put = r.body(0);
      assertThat(put.size()).isEqualTo(4);
      assertThat(put.get("project_id").isNull()).isTrue();
      assertThat(put.get("stop").asText()).isEqualTo("2026-11-25T10:00:00Z");
      assertThat(put.get("tag_action").asText()).isEqualTo("add");
    }
    try (Recorder r =
        new Recorder("{\"success\":[1],\"failure\":[{\"id\":2,\"message\":\"no\"}]}")) {
      TogglWrites.BulkAnswer answer =
          r.writes()
              .bulkEdit(
                  WS,
                  List.of(1L, 2L),
                  List.of(
                      new TogglWrites.PatchOp("replace", "/description", "Planning"),
                      new TogglWrites.PatchOp("remove", "/project_id", null)));
      assertThat(answer.success()).containsExactly(1L);
      assertThat(answer.failure()).containsEntry(2L, "no");
      JsonNode patch = r.body(0);
      assertThat(patch.isArray()).isTrue();
      assertThat(patch.get(0).get("value").asText()).isEqualTo("Planning");
      assertThat(patch.get(1).has("value")).isFalse();
    }
  }

  @Test
  void aRepeatedDeleteThatFindsTheEntryGoneIsRefusedOnRepeatNotPlainNotFound() {
    long id =
        world.data().liveEntries().stream()
            .filter(
                e ->
                    e.userId() == world.data().user().id() && e.workspaceId() == WS && !e.running())
            .findFirst()
            .orElseThrow()
            .id();
    world.simulator.faults().next(1, Fault.STORED_THEN_500, "DELETE", ENTRIES);

    TogglException e = catchThrowableOfType(TogglException.class, () -> writes.deleteEntry(WS, id));

    assertThat(e).isInstanceOf(TogglException.RefusedOnRepeat.class);
    assertThat(((TogglException.RefusedOnRepeat) e).status()).isEqualTo(404);
    assertThat(e.getMessage()).contains("first attempt may have made the change");
    assertThat(world.data().entry(id).orElseThrow().deleted()).isTrue();
    assertThat(world.simulator.requests().count()).isEqualTo(2);
  }

  @Test
  void aDeleteOfAnUnknownEntryIsPlainNotFound() {
    TogglException e = catchThrowableOfType(TogglException.class, () -> writes.deleteEntry(WS, 42));
    assertThat(e.kind()).isEqualTo("not_found");
  }
}
