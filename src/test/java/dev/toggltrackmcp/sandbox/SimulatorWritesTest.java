package dev.toggltrackmcp.sandbox;

import static dev.toggltrackmcp.sandbox.RawHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toggltrackmcp.sandbox.World.Entry;
import dev.toggltrackmcp.testing.SimulatedWorld;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Track v9 writes (toggl-api.md §5) over real HTTP: what is stored, what is answered. */
@Timeout(60)
class SimulatorWritesTest {
  private static final String ENTRIES = "/api/v9/workspaces/7654321/time_entries";
  private static final String TEMPLATE = "/api/v9/workspaces/{id}/time_entries";
  private final SimulatedWorld world = new SimulatedWorld();
  private final RawHttp http = new RawHttp(world);

  @AfterEach
  void stop() {
    world.close();
  }

  private static String create(String fields) {
    return "{\"created_with\":\"test\",\"workspace_id\":7654321," + fields + "}";
  }

  private Entry stored(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return world.data().entry(json(response).get("id").asLong()).orElseThrow();
  }

  @Test
  void aCreatedEntryAnswers200InTheWriteShapeAndIsStoredOnce() {
    HttpResponse<String> r =
        http.post(
            ENTRIES,
            create(
                "\"start\":\"2026-11-24T09:00:00.731+01:00\",\"duration\":3600,"
                    + "\"description\":\"Write report\",\"project_id\":201234000,"
                    + "\"tags\":[\"development\"]"));
    JsonNode body = json(r);
    assertThat(body.get("start").asText()).isEqualTo("2026-11-24T08:00:00Z");
    assertThat(body.get("stop").asText()).isEqualTo("2026-11-24T09:00:00Z");
    assertThat(body.get("tags").get(0).asText()).isEqualTo("development");
    Entry e = stored(r);
    assertThat(e.duration()).isEqualTo(3600);
    assertThat(e.at()).isEqualTo(world.clock.instant());
    assertThat(e.userId()).isEqualTo(world.data().user().id());
    assertThat(e.billable()).isTrue();
    assertThat(world.simulator.requests().stored("POST", TEMPLATE)).isEqualTo(1);
    assertThat(json(http.get("/api/v9/me/time_entries/" + e.id())).get("description").asText())
        .isEqualTo("Write report");
  }

  @Test
  void badCreatesAre400AndStoreNothing() {
    int before = world.data().liveEntries().size();
    String start = "\"start\":\"2026-11-24T09:00:00Z\"";
    List<String[]> cases =
        List.of(
            new String[] {
              "{\"workspace_id\":7654321," + start + ",\"duration\":60}", "created_with"
            },
            new String[] {"{\"created_with\":\"t\"," + start + ",\"duration\":60}", "workspace_id"},
            new String[] {
              "{\"created_with\":\"t\",\"workspace_id\":7654322," + start + ",\"duration\":60}",
              "does not match"
            },
            new String[] {create("\"duration\":60"), "start is required"},
            new String[] {
              create(start + ",\"duration\":60,\"stop\":\"2026-11-24T09:30:00Z\""), "disagree"
            },
            new String[] {
              create(start + ",\"duration\":-1,\"stop\":\"2026-11-24T09:30:00Z\""), "disagree"
            },
            new String[] {create(start + ",\"stop\":\"2026-11-24T08:00:00Z\""), "earlier"},
            new String[] {create(start + ",\"duration\":60,\"project_id\":202000001"), "project"},
            new String[] {
              create(start + ",\"duration\":60,\"project_id\":201234001,\"task_id\":3456000"),
              "task"
            },
            new String[] {create(start + ",\"duration\":60,\"tag_ids\":[18765500]"), "tag_ids"},
            new String[] {create("\"start\":\"yesterday\",\"duration\":60"), "RFC 3339"},
            new String[] {"{not json", "Invalid JSON"});
    for (String[] c : cases) {
      HttpResponse<String> r = http.post(ENTRIES, c[0]);
      assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
      assertThat(r.body()).as(c[0]).contains(c[1]);
    }
    assertThat(world.data().liveEntries()).hasSize(before);
    assertThat(world.simulator.requests().stored("POST", TEMPLATE)).isZero();
    assertThat(world.data().tags()).hasSize(12);
  }

  @Test
  void stopAndDurationThatAgreeAreFineAndNeitherStoresAZeroLengthEntryAnsweredAsRunning() {
    Entry agreed =
        stored(
            http.post(
                ENTRIES,
                create(
                    "\"start\":\"2026-11-24T09:00:00Z\",\"duration\":1800,"
                        + "\"stop\":\"2026-11-24T09:30:00Z\"")));
    assertThat(agreed.duration()).isEqualTo(1800);
    HttpResponse<String> r = http.post(ENTRIES, create("\"start\":\"2026-11-24T10:00:00Z\""));
    assertThat(json(r).get("stop").isNull()).isTrue();
    assertThat(json(r).get("duration").asLong()).isZero();
    Entry zero = stored(r);
    assertThat(zero.stop()).isEqualTo(zero.start());
    assertThat(world.data().running()).isPresent(); // Ana's timer was not touched
  }

  @Test
  void startingATimerStopsTheRunningOneAtServerNowAndMayStartInThePast() {
    Entry before = world.data().running().orElseThrow();
    Instant now = world.clock.instant().plusSeconds(2); // the request moves the clock first
    HttpResponse<String> r =
        http.post(
            ENTRIES,
            create(
                "\"start\":\""
                    + now.minus(Duration.ofMinutes(10))
                    + "\",\"duration\":-1,"
                    + "\"description\":\"Call\""));
    assertThat(json(r).get("duration").asLong()).isEqualTo(-1);
    Entry started = stored(r);
    assertThat(started.running()).isTrue();
    assertThat(started.start()).isEqualTo(now.minus(Duration.ofMinutes(10)));
    Entry stopped = world.data().entry(before.id()).orElseThrow();
    assertThat(stopped.stop()).isEqualTo(now);
    assertThat(stopped.at()).isEqualTo(now);
    assertThat(world.data().running()).contains(started);
  }

  @Test
  void unknownTagNamesAreCreatedAndKnownOnesReused() {
    Entry e =
        stored(
            http.post(
                ENTRIES,
                create(
                    "\"start\":\"2026-11-24T09:00:00Z\",\"duration\":60,"
                        + "\"tags\":[\"Meeting\",\"q4-goals\"],\"tag_ids\":[18765401]")));
    List<String> names = e.tagIds().stream().map(world.data()::tagName).toList();
    assertThat(names).containsExactlyInAnyOrder("meeting", "development", "q4-goals");
    assertThat(world.data().tags())
        .filteredOn(t -> t.name().equals("q4-goals"))
        .singleElement()
        .satisfies(t -> assertThat(t.workspaceId()).isEqualTo(7654321L));
  }

  @Test
  void anUpdateChangesOnlyWhatIsSentAndSettingStopStopsARunningEntry() {
    Entry running = world.data().running().orElseThrow();
    HttpResponse<String> r =
        http.put(
            ENTRIES + "/" + running.id(),
            "{\"tags\":[\"review\"],\"tag_action\":\"add\",\"description\":\"Login page done\"}");
    Entry changed = stored(r);
    assertThat(changed.description()).isEqualTo("Login page done");
    assertThat(changed.projectId()).isEqualTo(running.projectId());
    assertThat(changed.tagIds()).containsExactly(18_765_401L, 18_765_403L);
    assertThat(changed.running()).isTrue();
    assertThat(changed.at()).isEqualTo(world.clock.instant());
    stored(
        http.put(
            ENTRIES + "/" + running.id(), "{\"tag_ids\":[18765401],\"tag_action\":\"delete\"}"));
    Instant stop = world.clock.instant();
    Entry stopped = stored(http.put(ENTRIES + "/" + running.id(), "{\"stop\":\"" + stop + "\"}"));
    assertThat(stopped.tagIds()).containsExactly(18_765_403L);
    assertThat(stopped.stop()).isEqualTo(stop);
    assertThat(world.data().running()).isEmpty();
    assertThat(http.put(ENTRIES + "/4999999999", "{\"description\":\"x\"}").statusCode())
        .isEqualTo(404);
  }

  @Test
  void stopAnswersTheStoppedEntryThen409AndUnknownIds404() {
    Entry running = world.data().running().orElseThrow();
    HttpResponse<String> r = http.patch(ENTRIES + "/" + running.id() + "/stop", null);
    Entry stopped = stored(r);
    assertThat(stopped.stop()).isEqualTo(world.clock.instant());
    assertThat(json(r).get("duration").asLong())
        .isEqualTo(Duration.between(running.start(), world.clock.instant()).toSeconds());
    assertThat(http.patch(ENTRIES + "/" + running.id() + "/stop", null).statusCode())
        .isEqualTo(409);
    assertThat(http.patch(ENTRIES + "/4999999999/stop", null).statusCode()).isEqualTo(404);
    assertThat(world.simulator.requests().stored("PATCH", TEMPLATE + "/{id}/stop")).isEqualTo(1);
  }

  @Test
  void aDeletedEntryIsGoneFromReadsAndShowsInSinceWithServerDeletedAt() {
    Entry victim = world.data().liveEntries().get(3);
    Instant since = world.clock.instant();
    HttpResponse<String> r = http.delete(ENTRIES + "/" + victim.id());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEmpty();
    assertThat(http.get("/api/v9/me/time_entries/" + victim.id()).statusCode()).isEqualTo(404);
    JsonNode changed = json(http.get("/api/v9/me/time_entries?since=" + since.getEpochSecond()));
    assertThat(changed)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.get("id").asLong()).isEqualTo(victim.id());
              assertThat(e.get("server_deleted_at").isNull()).isFalse();
            });
    assertThat(http.delete(ENTRIES + "/" + victim.id()).statusCode()).isEqualTo(404);
  }

  @Test
  void aBulkEditIsNotTransactionalAndSaysWhichIdsFailedAndWhy() {
    List<Entry> mine =
        world.data().liveEntries().stream()
            .filter(e -> e.workspaceId() == 7654321L && !e.running())
            .limit(3)
            .toList();
    Entry agency =
        world.data().liveEntries().stream()
            .filter(e -> e.workspaceId() == 7654322L)
            .findFirst()
            .orElseThrow();
    Entry early = mine.get(2); // oldest of the three: a start after its stop is invalid for it
    Instant laterStart = early.stop().plusSeconds(60);
    List<Long> ids = new ArrayList<>(mine.stream().map(Entry::id).toList());
    ids.add(4_999_999_999L);
    ids.add(agency.id());
    String path =
        ENTRIES + "/" + ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    HttpResponse<String> r =
        http.patch(
            path,
            "[{\"op\":\"replace\",\"path\":\"/description\",\"value\":\"Planning\"},"
                + "{\"op\":\"add\",\"path\":\"/tags\",\"value\":[\"q1\"]},"
                + "{\"op\":\"replace\",\"path\":\"/start\",\"value\":\""
                + laterStart
                + "\"}]");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = json(r);
    List<Long> success = new ArrayList<>();
    body.get("success").forEach(n -> success.add(n.asLong()));
    List<Long> expectedSuccess =
        mine.stream().filter(e -> !e.stop().isBefore(laterStart)).map(Entry::id).toList();
    assertThat(success).containsExactlyElementsOf(expectedSuccess).isNotEmpty();
    assertThat(body.get("failure").toString())
        .contains(String.valueOf(early.id()))
        .contains("4999999999")
        .contains("Time entry not found")
        .contains("another workspace");
    for (long id : success) {
      Entry e = world.data().entry(id).orElseThrow();
      assertThat(e.description()).isEqualTo("Planning");
      assertThat(e.start()).isEqualTo(laterStart);
      assertThat(e.tagIds().stream().map(world.data()::tagName)).contains("q1");
    }
    assertThat(world.data().entry(early.id()).orElseThrow()).isEqualTo(early);
    assertThat(world.data().entry(agency.id()).orElseThrow()).isEqualTo(agency);
  }

  @Test
  void aBulkEditOfMoreThanAHundredIdsOrWithAMalformedPatchIsRefusedWhole() {
    Entry e = world.data().liveEntries().get(2);
    String many =
        java.util.stream.LongStream.range(0, 101)
            .mapToObj(i -> String.valueOf(e.id() + i))
            .collect(Collectors.joining(","));
    String patch = "[{\"op\":\"replace\",\"path\":\"/description\",\"value\":\"x\"}]";
    HttpResponse<String> tooMany = http.patch(ENTRIES + "/" + many, patch);
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.body()).contains("at most 100");
    for (String bad :
        List.of(
            "{\"description\":\"x\"}",
            "[{\"op\":\"move\",\"path\":\"/description\",\"value\":\"x\"}]",
            "[{\"op\":\"replace\",\"path\":\"/colour\",\"value\":\"x\"}]",
            "[{\"op\":\"remove\",\"path\":\"/start\"}]")) {
      assertThat(http.patch(ENTRIES + "/" + e.id(), bad).statusCode()).as(bad).isEqualTo(400);
    }
    assertThat(world.data().entry(e.id()).orElseThrow()).isEqualTo(e);
    assertThat(world.simulator.requests().storedByEndpoint()).isEmpty();
  }

  @Test
  void northwindRequiresAProjectOnEveryEntryOtherWorkspacesNothing() {
    JsonNode northwind = json(http.get("/api/v9/workspaces/7654322/time_entry_constraints"));
    assertThat(northwind.get("time_entry_constraints_enabled").asBoolean()).isTrue();
    assertThat(northwind.get("project_present").asBoolean()).isTrue();
    assertThat(northwind.get("description_present").asBoolean()).isFalse();
    JsonNode main = json(http.get("/api/v9/workspaces/7654321/time_entry_constraints"));
    assertThat(main.get("time_entry_constraints_enabled").asBoolean()).isFalse();
    String path = "/api/v9/workspaces/7654322/time_entries";
    String body =
        "{\"created_with\":\"t\",\"workspace_id\":7654322,\"start\":\"2026-11-24T09:00:00Z\","
            + "\"duration\":600";
    HttpResponse<String> without = http.post(path, body + "}");
    assertThat(without.statusCode()).isEqualTo(400);
    assertThat(without.body()).contains("project_id");
    Entry with = stored(http.post(path, body + ",\"project_id\":202000001}"));
    HttpResponse<String> clearing = http.put(path + "/" + with.id(), "{\"project_id\":null}");
    assertThat(clearing.statusCode()).isEqualTo(400);
    assertThat(clearing.body()).contains("project_id");
    assertThat(
            stored(http.post(ENTRIES, create("\"start\":\"2026-11-24T09:00:00Z\",\"duration\":60")))
                .projectId())
        .isNull();
  }

  @Test
  void metaTrueAddsNamesAndWritesCountAgainstTheOrganizationQuota() {
    HttpResponse<String> r =
        http.post(
            ENTRIES + "?meta=true",
            create("\"start\":\"2026-11-24T09:00:00Z\",\"duration\":60,\"project_id\":201234000"));
    assertThat(json(r).get("project_name").asText()).isEqualTo("Website Redesign");
    assertThat(json(r).get("client_name").asText()).isEqualTo("Acme Corp");
    assertThat(r.headers().firstValue("X-Toggl-Quota-Remaining")).contains("239");
    assertThat(http.get("/api/v9/me").headers().firstValue("X-Toggl-Quota-Remaining"))
        .contains("29");
  }
}
