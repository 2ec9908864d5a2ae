package dev.toggltrackmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toggltrackmcp.sandbox.Fault;
import dev.toggltrackmcp.testing.SimulatedWorld;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code get_api_quota}: its numbers are the simulator's own counters, and it costs 0 or 1. */
@Timeout(60)
class QuotaToolTest {
  private final SimulatedWorld sim = new SimulatedWorld();
  private final TogglTools tools = sim.server(sim.settings()).tools();

  @AfterEach
  void stop() {
    sim.close();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> quota(Map<String, Object> args, int expectedCost) {
    int before = sim.requests();
    McpSchema.CallToolResult r = tools.call("get_api_quota", args);
    String text = ((McpSchema.TextContent) r.content().get(0)).text();
    assertThat(r.isError()).as(text).isFalse();
    assertThat(sim.requests() - before).as(text).isEqualTo(expectedCost);
    Map<String, Object> out = (Map<String, Object>) r.structuredContent();
    assertThat(((Number) out.get("toggl_requests_for_this_answer")).intValue())
        .isEqualTo(expectedCost);
    assertThat(text).contains(expectedCost == 0 ? "cost no request" : "cost 1 request");
    return out;
  }

  /**
   * Every bucket the answer shows has what the simulator counts for Ana, right now, and the
   * requests of the last hour are {@code spentThisHour}.
   */
  @SuppressWarnings("unchecked")
  private void matchesTheSimulator(Map<String, Object> out, int spentThisHour) {
    Map<String, JsonNode> counters = new HashMap<>();
    for (JsonNode b : sim.simulator.quotaCounters(sim.data().user().id())) {
      counters.put(
          b.get("organization_id").isNull() ? "user" : b.get("organization_id").asText(), b);
    }
    List<Map<String, Object>> buckets = (List<Map<String, Object>>) out.get("buckets");
    assertThat(buckets).hasSize(counters.size());
    for (Map<String, Object> b : buckets) {
      JsonNode c =
          counters.get(
              b.get("organization_id") == null ? "user" : b.get("organization_id").toString());
      assertThat(c).as(b.toString()).isNotNull();
      assertThat(((Number) b.get("remaining")).intValue())
          .as(b.toString())
          .isEqualTo(c.get("remaining").asInt());
      assertThat(((Number) b.get("total")).intValue()).isEqualTo(c.get("total").asInt());
      // headers carry whole seconds, so the reset can read one second earlier than Toggl's own
      assertThat(((Number) b.get("resets_in_seconds")).longValue())
          .isBetween(c.get("resets_in_secs").asLong() - 1, c.get("resets_in_secs").asLong());
    }
    Map<String, Object> spent = (Map<String, Object>) out.get("spent_last_hour");
    assertThat(((Number) spent.get("total")).intValue()).isEqualTo(spentThisHour);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aFreshServerAsksOnceThenHeadersKeepItCurrentForFree() {
    Map<String, Object> fresh = quota(Map.of(), 1);
    matchesTheSimulator(fresh, sim.requests());
    assertThat(fresh).containsEntry("source", "GET /me/quota (one request)");
    assertThat((Map<String, Object>) fresh.get("cache")).containsEntry("entries_held", 0L);
    tools.call("get_time_summary", Map.of("period", "last_week"));
    tools.call("check_timesheet", Map.of());
    Map<String, Object> warm = quota(Map.of(), 0);
    matchesTheSimulator(warm, sim.requests()); // every request it saw came from this server
    Map<String, Object> spent = (Map<String, Object>) warm.get("spent_last_hour");
    assertThat((Map<String, Object>) spent.get("by_purpose"))
        .containsEntry("status", 1)
        .containsEntry("write", 0);
    List<Map<String, Object>> buckets = (List<Map<String, Object>>) warm.get("buckets");
    assertThat(buckets)
        .filteredOn(b -> b.get("bucket").equals("organization"))
        .allSatisfy(b -> assertThat((List<String>) b.get("workspaces")).isNotEmpty());
    assertThat(((Number) ((Map<String, Object>) warm.get("cache")).get("entries_held")).longValue())
        .isPositive();
  }

  @Test
  void aWindowThatHasEndedSinceIsAskedAgainAndRefreshAlwaysAsks() {
    quota(Map.of(), 1);
    quota(Map.of(), 0);
    quota(Map.of("refresh", true), 1);
    sim.clock.advance(Duration.ofMinutes(61));
    matchesTheSimulator(quota(Map.of(), 1), 1);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aSpentUserBucketIsShownWithItsResetWithoutSpendingMore() {
    sim.simulator.faults().next(1, Fault.QUOTA_402, "/api/v9/me");
    assertThat(tools.call("get_current_user", Map.of()).isError()).isTrue();
    Map<String, Object> out = quota(Map.of(), 0);
    assertThat((String) out.get("note")).contains("could not be asked").contains("812 s");
    Map<String, Object> user = ((List<Map<String, Object>>) out.get("buckets")).get(0);
    assertThat(user).containsEntry("bucket", "user").containsEntry("remaining", 0L);
    assertThat(((Number) user.get("resets_in_seconds")).longValue()).isEqualTo(812);
  }
}
