package dev.toggltrackmcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toggltrackmcp.testing.SimulatedWorld;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator against toggl-api.md, over raw HTTP (not our client). */
class SimulatorFidelityTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final SimulatedWorld world = new SimulatedWorld();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    world.close();
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(world.simulator.baseUrl() + path));
    if (token != null) {
      b.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((token + ":api_token").getBytes(StandardCharsets.UTF_8)));
    }
    world.clock.advance(Duration.ofSeconds(2)); // stay under the burst limit
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return get(path, world.simulator.token());
  }

  @Test
  void authentication() throws Exception {
    HttpResponse<String> none = get("/api/v9/me", null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("X-Authorization-Missing")).contains("true");
    assertThat(get("/api/v9/me", "wrong").statusCode()).isEqualTo(403);
  }

  @Test
  void meCarriesSecretsLikeTheRealOneAndRelatedData() throws Exception {
    JsonNode me = JSON.readTree(get("/api/v9/me?with_related_data=true").body());
    assertThat(me.get("api_token").asText()).isEqualTo(world.simulator.token());
    assertThat(me.has("intercom_hash")).isTrue();
    assertThat(me.get("projects").size()).isEqualTo(235);
    assertThat(me.get("workspaces").get(0).has("ical_url")).isTrue();
    assertThat(me.get("time_entries").get(0).get("duration").asLong()).isNegative();
  }

  @Test
  void timeEntryWindowSinceAndCurrent() throws Exception {
    assertThat(get("/api/v9/me/time_entries?since=1&before=2026-01-01").body())
        .contains("can not be present simultaneously");
    HttpResponse<String> old =
        get("/api/v9/me/time_entries?start_date=2026-01-01&end_date=2026-02-01");
    assertThat(old.statusCode()).isEqualTo(400);
    assertThat(old.body()).contains("must not be earlier than");
    JsonNode since =
        JSON.readTree(
            get("/api/v9/me/time_entries?since="
                    + SimulatedWorld.NOW.minus(Duration.ofDays(2)).getEpochSecond())
                .body());
    assertThat(since).anyMatch(e -> !e.get("server_deleted_at").isNull());
    world.data().stopRunning(world.clock.instant());
    assertThat(get("/api/v9/me/time_entries/current").body()).isEqualTo("null");
  }

  @Test
  void projectsPageWithDefaultsOf151AndAtMost200() throws Exception {
    assertThat(JSON.readTree(get("/api/v9/workspaces/7654321/projects?active=both").body()).size())
        .isEqualTo(151);
    assertThat(
            JSON.readTree(
                    get("/api/v9/workspaces/7654321/projects?active=both&per_page=500").body())
                .size())
        .isEqualTo(200);
    assertThat(
            JSON.readTree(
                    get("/api/v9/workspaces/7654321/projects?active=both&per_page=200&page=2")
                        .body())
                .size())
        .isEqualTo(30);
  }

  @Test
  void quotaHeadersThenThe402() throws Exception {
    HttpResponse<String> first = get("/api/v9/me");
    assertThat(first.headers().firstValue("X-Toggl-Quota-Remaining")).contains("29");
    for (int i = 0; i < 29; i++) {
      get("/api/v9/me");
    }
    HttpResponse<String> over = get("/api/v9/me");
    assertThat(over.statusCode()).isEqualTo(402);
    assertThat(over.body()).contains("hourly limit");
    world.clock.advance(Duration.ofHours(1));
    assertThat(get("/api/v9/me").statusCode()).isEqualTo(200);
  }

  @Test
  void eachOrganizationCountsItsOwnRequestsAndTheQuotaReportShowsEach() throws Exception {
    // Lima Consulting and Side Projects share an organization; Northwind Agency has its own
    get("/api/v9/workspaces/7654321/tags");
    get("/api/v9/workspaces/7654323/tags");
    HttpResponse<String> northwind = get("/api/v9/workspaces/7654322/tags");
    assertThat(northwind.headers().firstValue("X-Toggl-Quota-Remaining")).contains("239");
    JsonNode counters = world.simulator.quotaCounters(world.data().user().id());
    JsonNode report = RawHttp.json(get("/api/v9/me/quota"));
    assertThat(report).hasSize(3);
    assertThat(report.get(1).get("organization_id").asLong()).isEqualTo(6543210L);
    assertThat(report.get(1).get("remaining").asInt()).isEqualTo(238);
    assertThat(report.get(2).get("remaining").asInt()).isEqualTo(239);
    assertThat(report.get(0).get("remaining").asInt()).isEqualTo(29);
    assertThat(counters.get(1).get("remaining").asInt()).isEqualTo(238);
    assertThat(counters.get(0).get("remaining").asInt())
        .as("the counters were read before /me/quota counted itself")
        .isEqualTo(30);
  }

  @Test
  void burstsBeyondFourAreRateLimited() throws Exception {
    int limited = 0;
    for (int i = 0; i < 6; i++) {
      HttpRequest r =
          HttpRequest.newBuilder(
                  URI.create(world.simulator.baseUrl() + "/api/v9/workspaces/7654321/tags"))
              .header(
                  "Authorization",
                  "Basic "
                      + Base64.getEncoder()
                          .encodeToString(
                              (world.simulator.token() + ":api_token")
                                  .getBytes(StandardCharsets.UTF_8)))
              .build();
      if (http.send(r, HttpResponse.BodyHandlers.ofString()).statusCode() == 429) {
        limited++;
      }
    }
    assertThat(limited).isEqualTo(2);
  }

  @Test
  void theSameSeedAndNowGiveTheSameWorld() {
    Dataset a = Dataset.generate(SimulatorOptions.defaults(), SimulatedWorld.NOW);
    Dataset b = Dataset.generate(SimulatorOptions.defaults(), SimulatedWorld.NOW);
    assertThat(a.allEntries()).isEqualTo(b.allEntries());
    assertThat(a.teamEntries()).isEqualTo(b.teamEntries());
    assertThat(a.planted()).isEqualTo(b.planted());
    assertThat(a.allEntries()).anyMatch(e -> e.id() > Integer.MAX_VALUE);
    Dataset other = Dataset.generate(SimulatorOptions.defaults().withSeed(7), SimulatedWorld.NOW);
    assertThat(other.allEntries()).isNotEqualTo(a.allEntries());
  }

  @Test
  void metaTrueAddsNamesAndTheWorkspaceAndOrganizationReadsAnswer() throws Exception {
    JsonNode current = JSON.readTree(get("/api/v9/me/time_entries/current?meta=true").body());
    assertThat(current.get("project_name").asText()).isEqualTo("Website Redesign");
    assertThat(current.get("client_name").asText()).isEqualTo("Acme Corp");
    assertThat(current.get("user_name").asText()).isEqualTo("Ana Lima");
    assertThat(JSON.readTree(get("/api/v9/me/time_entries/current").body()).has("project_name"))
        .isFalse();
    JsonNode ws = JSON.readTree(get("/api/v9/workspaces/7654322").body());
    assertThat(ws.get("name").asText()).isEqualTo("Northwind Agency");
    assertThat(ws.get("te_constraints").get("project_present").asBoolean()).isTrue();
    JsonNode orgs = JSON.readTree(get("/api/v9/me/organizations").body());
    assertThat(orgs)
        .extracting(o -> o.get("pricing_plan_name").asText())
        .containsExactly("Starter", "Premium");
    assertThat(get("/api/v9/workspaces/7654321/time_entries").statusCode()).isEqualTo(405);
    assertThat(get("/api/v9/workspaces/9999999/projects").statusCode()).isEqualTo(403);
  }
}
