package dev.toggltrackmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.sandbox.PlantedCases;
import dev.toggltrackmcp.sandbox.World;
import dev.toggltrackmcp.testing.PlantedFindings;
import dev.toggltrackmcp.testing.SimulatedWorld;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code check_timesheet} against the simulator's planted week and the clean week before it. */
@Timeout(60)
class TimesheetToolTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private final SimulatedWorld sim = new SimulatedWorld();
  private final TogglTools tools = sim.server(sim.settings()).tools();
  private final PlantedCases planted = sim.data().planted();

  @AfterEach
  void stop() {
    sim.close();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> call(Map<String, Object> args) {
    McpSchema.CallToolResult r = tools.call("check_timesheet", args);
    assertThat(r.isError()).as(text(r)).isFalse();
    return (Map<String, Object>) r.structuredContent();
  }

  private static String text(McpSchema.CallToolResult r) {
    return ((McpSchema.TextContent) r.content().get(0)).text();
  }

  /** Workspaces with entries of Ana's starting in the planted week. */
  private Set<Long> workspacesOfThePlantedWeek() {
    return sim.data().liveEntries().stream()
        .filter(
            e -> {
              LocalDate d = LocalDate.ofInstant(e.start(), BERLIN);
              return !d.isBefore(planted.week()) && d.isBefore(planted.week().plusDays(7));
            })
        .map(World.Entry::workspaceId)
        .collect(Collectors.toSet());
  }

  @Test
  void lastWeekHasEveryPlantedCaseAndNothingElseLearnedFromWhatTheCacheHolds() {
    assertThat(planted.week()).isEqualTo(LocalDate.of(2026, 11, 16));
    Map<String, Object> out = call(Map.of());
    assertThat(PlantedFindings.of(out)).isEqualTo(PlantedFindings.expected(planted));
    assertThat(sim.simulator.requests().byEndpoint())
        .as("the fill, then one constraints read per workspace; no history beyond the cache")
        .containsOnly(
            Map.entry("GET /api/v9/me", 1),
            Map.entry("GET /api/v9/me/time_entries", 1),
            Map.entry(
                "GET /api/v9/workspaces/{id}/time_entry_constraints",
                workspacesOfThePlantedWeek().size()));
    @SuppressWarnings("unchecked")
    Map<String, Object> habits = (Map<String, Object>) out.get("habits");
    assertThat(habits)
        .containsEntry("learned_from", "2026-08-31")
        .containsEntry("learned_to", "2026-11-15")
        .containsEntry(
            "working_days", List.of("monday", "tuesday", "wednesday", "thursday", "friday"));
  }

  @Test
  void theCleanWeekHasNoFindingsAndASecondCheckCostsNoRequest() {
    Map<String, Object> out =
        call(
            Map.of(
                "start_date", planted.cleanWeek().toString(),
                "end_date", planted.cleanWeek().plusDays(6).toString()));
    assertThat(out.get("findings")).asList().isEmpty();
    assertThat((Number) out.get("entries_checked")).extracting(Number::intValue).isNotEqualTo(0);
    int before = sim.requests();
    McpSchema.CallToolResult again = tools.call("check_timesheet", Map.of("period", "last_week"));
    assertThat(sim.requests()).as("constraints and entries are held").isEqualTo(before);
    assertThat(text(again)).contains("TOGGL_WRITE_ENABLED=true");
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyFixNamesAWriteToolWithTheEntryIdsItActsOn() {
    List<Map<String, Object>> findings = (List<Map<String, Object>>) call(Map.of()).get("findings");
    for (Map<String, Object> f : findings) {
      Map<String, Object> fix = (Map<String, Object>) f.get("suggested_fix");
      List<Map<String, Object>> calls = (List<Map<String, Object>>) fix.get("calls");
      assertThat(calls).as(f.toString()).isNotEmpty();
      for (Map<String, Object> c : calls) {
        assertThat(c.get("tool"))
            .isIn("update_time_entry", "delete_time_entry", "create_time_entry");
        Map<String, Object> args = (Map<String, Object>) c.get("arguments");
        if (!c.get("tool").equals("create_time_entry")) {
          assertThat((List<Long>) f.get("entry_ids")).contains((Long) args.get("time_entry_id"));
        }
      }
      assertThat((String) f.get("start")).endsWith("+01:00");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void oneWorkspaceShowsExactlyTheFindingsAboutItsEntries() {
    List<Map<String, Object>> all = (List<Map<String, Object>>) call(Map.of()).get("findings");
    for (World.Workspace w : sim.data().workspaces()) {
      Set<Long> own =
          sim.data().liveEntries().stream()
              .filter(e -> e.workspaceId() == w.id())
              .map(World.Entry::id)
              .collect(Collectors.toSet());
      Map<String, Object> out = call(Map.of("workspace_id", w.id()));
      assertThat(out).containsEntry("workspace_id", w.id());
      assertThat((List<Map<String, Object>>) out.get("findings"))
          .as(w.name())
          .isEqualTo(
              all.stream()
                  .filter(f -> ((List<Long>) f.get("entry_ids")).stream().anyMatch(own::contains))
                  .toList());
    }
  }
}
