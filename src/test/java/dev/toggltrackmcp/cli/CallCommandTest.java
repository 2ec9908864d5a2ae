package dev.toggltrackmcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toggltrackmcp.testing.SimulatedWorld;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code call TOOL key=value ...} through the command line, against the simulator. */
class CallCommandTest {
  private final SimulatedWorld sim = new SimulatedWorld();
  private final CommandRun command = new CommandRun();

  @AfterEach
  void stop() {
    sim.close();
  }

  private int call(String... args) {
    return command.run(
        Map.of(
            "TOGGL_API_TOKEN", sim.simulator.token(),
            "TOGGL_API_BASE_URL", sim.simulator.baseUrl().toString(),
            "TOGGL_CACHE_DIR", "off"),
        args);
  }

  @Test
  void printsTheTextOfAToolWithTypedArguments() {
    assertThat(call("call", "list_projects", "workspace_id=7654321", "status=all", "limit=5"))
        .isZero();
    assertThat(command.out()).contains("230 projects, showing 1–5");
  }

  @Test
  void printsTheWholeResultAsJsonWithListsGivenAsJson() throws Exception {
    assertThat(
            call("call", "get_time_summary", "period=last_week", "group_by=[\"client\"]", "--json"))
        .isZero();
    var result = new ObjectMapper().readTree(command.out());
    assertThat(result.path("structuredContent").path("breakdowns").has("client")).isTrue();
  }

  @Test
  void aPictureIsNamedInTheText() {
    assertThat(call("call", "get_time_chart", "period=last_week")).isZero();
    assertThat(command.out()).contains("(image/png image, ").contains("--json includes it");
  }

  @Test
  void anErrorResultExitsNonZero() {
    assertThat(call("call", "list_time_entries", "period=fortnight")).isEqualTo(1);
    assertThat(command.out()).contains("Invalid argument period");
    assertThat(call("call", "no_such_tool")).isEqualTo(1);
  }

  @Test
  void valuesTakeTheTypeTheSchemaGivesTheirArgument() {
    // query is text even when it looks like a number; limit is a number; tags a list of names
    assertThat(
            call(
                "call",
                "search_time_entries",
                "query=2026",
                "period=last_90_days",
                "limit=3",
                "tags=development,meeting"))
        .isZero();
    assertThat(command.out()).contains("matching \"2026\"").doesNotContain("Invalid argument");
    assertThat(
            CallCommand.arguments(
                CallCommand.pairs(java.util.List.of("limit=5", "query=5", "billable=true", "x=1")),
                Map.of(
                    "limit", Map.of("type", "integer"),
                    "query", Map.of("type", "string"),
                    "billable", Map.of("type", "boolean"))))
        .containsExactly(
            Map.entry("limit", 5L),
            Map.entry("query", "5"),
            Map.entry("billable", true),
            Map.entry("x", "1"));
  }

  @Test
  void demoNeedsNoToken() {
    assertThat(command.run(Map.of("TOGGL_CACHE_DIR", "off"), "call", "--demo", "list_workspaces"))
        .isZero();
    assertThat(command.out()).contains("EUR");
  }

  @Test
  void aMalformedPairIsAUsageError() {
    assertThat(call("call", "list_tags", "justaword")).isEqualTo(2);
    assertThat(command.err()).contains("key=value");
  }
}
