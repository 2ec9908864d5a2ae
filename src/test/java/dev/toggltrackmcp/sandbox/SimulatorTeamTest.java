package dev.toggltrackmcp.sandbox;

import static dev.toggltrackmcp.sandbox.RawHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toggltrackmcp.sandbox.SimulatorOptions.OversizedPage;
import dev.toggltrackmcp.sandbox.World.Entry;
import dev.toggltrackmcp.sandbox.World.Member;
import dev.toggltrackmcp.testing.SimulatedWorld;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Ana's team: one token per member, workspace users, and Reports by user with paging. */
@Timeout(60)
class SimulatorTeamTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final String SEARCH = "/reports/api/v3/workspace/7654321/search/time_entries";
  private static final String SUMMARY = "/reports/api/v3/workspace/7654321/summary/time_entries";
  private SimulatedWorld world = new SimulatedWorld();
  private RawHttp http = new RawHttp(world);

  @AfterEach
  void stop() {
    world.close();
  }

  private Member member(String name) {
    return world.data().members().stream()
        .filter(m -> m.user().fullname().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theTeamHasSevenMoreMembersWithTheirOwnWorkingLives() {
    List<Member> team = world.data().members();
    assertThat(team).hasSize(8);
    assertThat(team.get(0).id()).isEqualTo(world.data().user().id());
    assertThat(team)
        .filteredOn(m -> !m.active())
        .singleElement()
        .satisfies(m -> assertThat(m.deactivatedOn()).isNotNull());
    assertThat(team).filteredOn(m -> !m.admin() && m.active()).hasSizeGreaterThan(1);
    assertThat(team).anyMatch(m -> !m.user().fullname().matches("\\p{ASCII}+"));
    for (Member m : team) {
      assertThat(world.data().entriesOf(m.id()))
          .as(m.user().fullname())
          .hasSizeGreaterThan(400)
          .allMatch(e -> e.userId() == m.id());
    }
    assertThat(world.data().liveEntries()).allMatch(e -> e.userId() == world.data().user().id());
  }

  @Test
  void eachTokenIsItsOwnUserOnTheMePaths() {
    Member jonas = member("Jonas Weber");
    JsonNode me = json(http.get("/api/v9/me", jonas.token()));
    assertThat(me.get("id").asLong()).isEqualTo(jonas.id());
    assertThat(me.get("fullname").asText()).isEqualTo("Jonas Weber");
    assertThat(me.get("api_token").asText()).isEqualTo(jonas.token());
    JsonNode workspaces = json(http.get("/api/v9/me/workspaces", jonas.token()));
    assertThat(workspaces)
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.get("id").asLong()).isEqualTo(7654321L);
              assertThat(w.get("admin").asBoolean()).isFalse();
              assertThat(w.get("role").asText()).isEqualTo("user");
            });
    JsonNode entries = json(http.get("/api/v9/me/time_entries", jonas.token()));
    assertThat(entries).isNotEmpty().allMatch(e -> e.get("user_id").asLong() == jonas.id());
    Entry newest = world.data().entriesOf(jonas.id()).get(0);
    assertThat(entries.get(0).get("id").asLong()).isEqualTo(newest.id());
    String current = http.get("/api/v9/me/time_entries/current", jonas.token()).body();
    if (newest.running()) {
      assertThat(
              json(http.get("/api/v9/me/time_entries/current", jonas.token())).get("id").asLong())
          .isEqualTo(newest.id());
    } else {
      assertThat(current).isEqualTo("null");
    }
    Entry anas = world.data().liveEntries().get(1);
    assertThat(http.get("/api/v9/me/time_entries/" + anas.id(), jonas.token()).statusCode())
        .isEqualTo(404);
    JsonNode anaWorkspaces = json(http.get("/api/v9/me/workspaces"));
    assertThat(anaWorkspaces).hasSize(3).allMatch(w -> w.get("role").asText().equals("admin"));
  }

  @Test
  void aDeactivatedMemberStillSignsInButNoLongerSeesTheWorkspace() {
    Member mateo = member("Mateo Rossi");
    assertThat(http.get("/api/v9/me", mateo.token()).statusCode()).isEqualTo(200);
    assertThat(json(http.get("/api/v9/me/workspaces", mateo.token()))).isEmpty();
    assertThat(http.get("/api/v9/workspaces/7654321/projects", mateo.token()).statusCode())
        .isEqualTo(403);
    LocalDate last = LocalDate.ofInstant(world.data().entriesOf(mateo.id()).get(0).start(), BERLIN);
    assertThat(last).isBeforeOrEqualTo(mateo.deactivatedOn()).isBefore(LocalDate.of(2026, 8, 1));
  }

  @Test
  void workspaceUsersForAnAdminCarryEmailsForOthersNot() {
    JsonNode users = json(http.get("/api/v9/workspaces/7654321/users"));
    assertThat(users).hasSize(8);
    JsonNode mateo = find(users, member("Mateo Rossi").id());
    assertThat(mateo.get("is_active").asBoolean()).isFalse();
    assertThat(mateo.get("inactive").asBoolean()).isTrue();
    JsonNode bruno = find(users, member("Bruno Costa").id());
    assertThat(bruno.get("is_admin").asBoolean()).isTrue();
    assertThat(bruno.get("role").asText()).isEqualTo("admin");
    assertThat(bruno.get("email").asText()).isEqualTo("bruno.costa@limaconsulting.example");
    assertThat(find(users, member("Zoë Ñúñez").id()).get("fullname").asText())
        .isEqualTo("Zoë Ñúñez");
    JsonNode seenByJonas =
        json(http.get("/api/v9/workspaces/7654321/users", member("Jonas Weber").token()));
    assertThat(seenByJonas).hasSize(8).allMatch(u -> u.get("email").isNull());
    assertThat(json(http.get("/api/v9/workspaces/7654322/users"))).hasSize(1);
  }

  @Test
  void reportsSearchFilteredByUserPagesPastFiftyRows() {
    Member bruno = member("Bruno Costa");
    String body =
        "{\"start_date\":\"2026-09-01\",\"end_date\":\"2026-10-31\",\"user_ids\":["
            + bruno.id()
            + "],\"client_ids\":[65432100,65432101],\"page_size\":50}";
    List<Long> ids = new ArrayList<>();
    int pages = 0;
    String next = null;
    do {
      String paged = next == null ? body : body.replace("}", ",\"first_row_number\":" + next + "}");
      HttpResponse<String> r = http.post(SEARCH, paged);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      for (JsonNode row : json(r)) {
        assertThat(row.get("user_id").asLong()).isEqualTo(bruno.id());
        assertThat(row.get("username").asText()).isEqualTo("Bruno Costa");
        row.get("time_entries").forEach(t -> ids.add(t.get("id").asLong()));
      }
      pages++;
      next = r.headers().firstValue("X-Next-Row-Number").orElse(null);
    } while (next != null);
    List<Long> want =
        world.data().entriesOf(bruno.id()).stream()
            .filter(e -> !e.running() && e.workspaceId() == 7654321L)
            .filter(e -> inRange(e, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 31)))
            .filter(e -> clientOf(e) != null && Set.of(65432100L, 65432101L).contains(clientOf(e)))
            .map(Entry::id)
            .toList();
    assertThat(want).hasSizeGreaterThan(50);
    assertThat(pages).isEqualTo((want.size() + 49) / 50);
    assertThat(ids).containsExactlyInAnyOrderElementsOf(want);
  }

  @Test
  void anAdminWithoutAUserFilterSeesEveryonesEntriesAndTheSpanIsAtMost366Days() {
    HttpResponse<String> r =
        http.post(SEARCH, "{\"start_date\":\"2026-11-02\",\"end_date\":\"2026-11-06\"}");
    Set<Long> users = new HashSet<>();
    json(r).forEach(row -> users.add(row.get("user_id").asLong()));
    assertThat(users).hasSizeGreaterThan(1);
    assertThat(
            http.post(SEARCH, "{\"start_date\":\"2025-11-01\",\"end_date\":\"2026-11-01\"}")
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> tooLong =
        http.post(SEARCH, "{\"start_date\":\"2025-10-31\",\"end_date\":\"2026-11-01\"}");
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("one year");
  }

  @Test
  void summaryByUsersAndProjectsWithBillableSecondsPerRate() {
    HttpResponse<String> r =
        http.post(
            SUMMARY,
            "{\"start_date\":\"2026-10-01\",\"end_date\":\"2026-10-31\",\"grouping\":\"users\","
                + "\"sub_grouping\":\"projects\"}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("X-Grouping")).contains("users");
    Map<List<Long>, Long> seconds = new HashMap<>();
    Map<List<Long>, Long> billable = new HashMap<>();
    Map<List<Long>, Long> cents = new HashMap<>();
    for (JsonNode g : json(r).get("groups")) {
      for (JsonNode s : g.get("sub_groups")) {
        List<Long> key =
            List.of(g.get("id").asLong(), s.get("id").isNull() ? -1L : s.get("id").asLong());
        seconds.put(key, s.get("seconds").asLong());
        for (JsonNode rate : s.get("rates")) {
          long billed = rate.get("billable_seconds").asLong();
          billable.merge(key, billed, Long::sum);
          cents.put(key, rate.get("hourly_rate_in_cents").asLong());
          assertThat(rate.get("billable_amount_in_cents").asLong())
              .isEqualTo(
                  BigDecimal.valueOf(rate.get("hourly_rate_in_cents").asLong() * billed)
                      .divide(BigDecimal.valueOf(3600), 0, java.math.RoundingMode.HALF_UP)
                      .longValue());
        }
      }
    }
    Map<List<Long>, Long> want = new HashMap<>();
    Map<List<Long>, Long> wantBillable = new HashMap<>();
    for (Entry e : world.data().teamEntries()) {
      if (e.workspaceId() == 7654321L
          && !e.running()
          && inRange(e, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31))) {
        List<Long> key = List.of(e.userId(), e.projectId() == null ? -1L : e.projectId());
        want.merge(key, e.duration(), Long::sum);
        if (e.billable()) {
          wantBillable.merge(key, e.duration(), Long::sum);
        }
      }
    }
    assertThat(seconds).isEqualTo(want);
    assertThat(billable).isEqualTo(wantBillable);
    assertThat(want.keySet().stream().map(k -> k.get(0)).distinct()).hasSizeGreaterThan(5);
    cents.forEach(
        (key, rate) -> {
          BigDecimal projectRate =
              world.data().project(key.get(1)).map(World.Project::rate).orElse(null);
          long expected = projectRate != null ? projectRate.movePointRight(2).longValue() : 8500;
          assertThat(rate).as(key.toString()).isEqualTo(expected);
        });
  }

  @Test
  void aMemberWhoIsNotAnAdminGets403ForOthersButTheirOwnReport() {
    Member jonas = member("Jonas Weber");
    String range = "\"start_date\":\"2026-10-01\",\"end_date\":\"2026-10-31\"";
    HttpResponse<String> others =
        http.send(
            "POST",
            SEARCH,
            jonas.token(),
            "{" + range + ",\"user_ids\":[" + member("Bruno Costa").id() + "]}");
    assertThat(others.statusCode()).isEqualTo(403);
    assertThat(others.body()).contains("Only workspace admins");
    assertThat(http.send("POST", SUMMARY, jonas.token(), "{" + range + "}").statusCode())
        .isEqualTo(403);
    HttpResponse<String> own =
        http.send(
            "POST", SEARCH, jonas.token(), "{" + range + ",\"user_ids\":[" + jonas.id() + "]}");
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(json(own)).isNotEmpty().allMatch(row -> row.get("user_id").asLong() == jonas.id());
  }

  @Test
  void theFreeWorkspaceRefusesTeamReportsButKeepsThePersonalBackfill() {
    String path = "/reports/api/v3/workspace/7654323/summary/time_entries";
    String range = "\"start_date\":\"2026-01-01\",\"end_date\":\"2026-10-31\"";
    HttpResponse<String> team = http.post(path, "{" + range + "}");
    assertThat(team.statusCode()).isEqualTo(402);
    assertThat(team.body()).contains("Workspace needs to have this feature enabled");
    String mine = "{" + range + ",\"user_ids\":[" + world.data().user().id() + "]}";
    assertThat(http.post(path, mine).statusCode()).isEqualTo(200);
    assertThat(
            http.post("/reports/api/v3/workspace/7654323/search/time_entries", mine).statusCode())
        .isEqualTo(200);
  }

  @Test
  void pageSizeIsHonouredUpToTheLimitThenClampedOrRefused() {
    String body =
        "{\"start_date\":\"2026-10-01\",\"end_date\":\"2026-10-31\",\"user_ids\":["
            + world.data().user().id()
            + "],\"page_size\":";
    assertThat(json(http.post(SEARCH, body + "20}"))).hasSize(20);
    HttpResponse<String> clamped = http.post(SEARCH, body + "200}");
    assertThat(json(clamped)).hasSize(50);
    assertThat(clamped.headers().firstValue("X-Next-Row-Number")).contains("51");
    world.close();
    world =
        new SimulatedWorld(
            SimulatorOptions.defaults().withReportsPageSize(50, OversizedPage.REFUSE));
    http = new RawHttp(world);
    HttpResponse<String> refused = http.post(SEARCH, body + "51}");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("page_size");
    assertThat(json(http.post(SEARCH, body + "50}"))).hasSize(50);
  }

  private boolean inRange(Entry e, LocalDate first, LocalDate last) {
    LocalDate d = LocalDate.ofInstant(e.start(), BERLIN);
    return !d.isBefore(first) && !d.isAfter(last);
  }

  private Long clientOf(Entry e) {
    return e.projectId() == null
        ? null
        : world.data().project(e.projectId()).map(World.Project::clientId).orElse(null);
  }

  private static JsonNode find(JsonNode users, long id) {
    for (JsonNode u : users) {
      if (u.get("id").asLong() == id) {
        return u;
      }
    }
    throw new AssertionError("no user " + id);
  }
}
