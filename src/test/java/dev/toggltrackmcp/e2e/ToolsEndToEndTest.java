package dev.toggltrackmcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.sandbox.Dataset;
import dev.toggltrackmcp.sandbox.SimulatorOptions;
import dev.toggltrackmcp.sandbox.World;
import dev.toggltrackmcp.testing.SimulatedWorld;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every tool through the SDK's own MCP client, against the simulated Toggl frozen at {@link
 * SimulatedWorld#NOW}; numbers are checked against {@link Expected}. Run once per transport.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ToolsEndToEndTest implements ArgumentsEndToEnd, InsightEndToEnd, TeamEndToEnd {

  /** The world the server sees, regenerated here from the same seed for independent answers. */
  final Dataset world = Dataset.generate(SimulatorOptions.defaults(), SimulatedWorld.NOW);

  final Expected expected = new Expected(world, SimulatedWorld.NOW);
  final List<String> everythingSeen = new ArrayList<>();

  abstract McpSyncClient client();

  @AfterAll
  void noAnswerEverCarriesTheToken() {
    assertThat(everythingSeen).isNotEmpty();
    assertThat(String.join("\n", everythingSeen))
        .doesNotContain(SimulatorOptions.DEFAULT_TOKEN)
        .doesNotContain("ws-secret-")
        .doesNotContain("intercom")
        .doesNotContain("Exception");
  }

  @Override
  public Dataset world() {
    return world;
  }

  @Override
  public Expected expected() {
    return expected;
  }

  @Override
  public CallToolResult call(String tool, Map<String, Object> args) {
    CallToolResult r = client().callTool(new McpSchema.CallToolRequest(tool, args));
    everythingSeen.add(text(r));
    if (r.structuredContent() != null) {
      everythingSeen.add(r.structuredContent().toString());
    }
    return r;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> data(CallToolResult r) {
    assertThat(r.isError()).as(text(r)).isFalse();
    return (Map<String, Object>) r.structuredContent();
  }

  static String text(CallToolResult r) {
    return ((McpSchema.TextContent) r.content().get(0)).text();
  }

  static long number(Object o) {
    return ((Number) o).longValue();
  }

  @Test
  void listsTheReadOnlyToolsWithSchemasAndExamples() {
    List<McpSchema.Tool> tools = client().listTools().tools();
    assertThat(tools)
        .extracting(McpSchema.Tool::name)
        .containsExactly(
            "get_current_user",
            "get_current_time_entry",
            "list_time_entries",
            "get_time_entry_details",
            "search_time_entries",
            "list_projects",
            "list_clients",
            "list_workspaces",
            "list_tags",
            "get_time_summary",
            "check_timesheet",
            "get_time_chart",
            "get_api_quota",
            "list_workspace_users",
            "get_team_time_entries",
            "get_team_summary");
    for (McpSchema.Tool t : tools) {
      assertThat(t.annotations().readOnlyHint()).as(t.name()).isTrue();
      assertThat(t.annotations().openWorldHint()).as(t.name()).isTrue();
      assertThat(t.outputSchema()).as(t.name()).isNotEmpty();
      assertThat(t.title()).as(t.name()).isNotBlank();
      assertThat(t.description()).as(t.name()).contains("{");
    }
  }

  @Test
  void currentUserIsAnaInBerlinWithoutSecrets() {
    Map<String, Object> user = data(call("get_current_user", Map.of()));
    assertThat(user)
        .containsEntry("timezone", "Europe/Berlin")
        .containsEntry("fullname", "Ana Lima");
    assertThat(user).containsKey("data_as_of");
    assertThat(user.toString()).doesNotContain("api_token");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theRunningEntryCountsUpToNow() {
    Map<String, Object> now = data(call("get_current_time_entry", Map.of()));
    assertThat(now).containsEntry("running", true);
    Map<String, Object> entry = (Map<String, Object>) now.get("entry");
    assertThat(number(entry.get("duration_seconds")))
        .isBetween(47 * 60L, 47 * 60L + Expected.PACING_SLACK);
    assertThat(entry.get("stop")).isNull();
    assertThat((String) entry.get("start")).endsWith("+01:00");
  }

  @Test
  @SuppressWarnings("unchecked")
  void todaysEntriesNewestFirstWithTheRightTotal() {
    Map<String, Object> today = data(call("list_time_entries", Map.of("period", "today")));
    List<World.Entry> want = expected.startingOn(TODAY, TODAY, e -> true);
    assertThat(number(today.get("total"))).isEqualTo(want.size());
    expected.assertTotal(number(today.get("total_seconds")), want);
    List<Map<String, Object>> entries = (List<Map<String, Object>>) today.get("entries");
    assertThat(entries)
        .extracting(e -> number(e.get("id")))
        .containsExactlyElementsOf(want.stream().map(World.Entry::id).toList());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "last_week, 2026-11-16, 2026-11-22",
    "this_month, 2026-11-01, 2026-11-30",
    "last_month, 2026-10-01, 2026-10-31",
    "this_week, 2026-11-23, 2026-11-29",
    "last_30_days, 2026-10-27, 2026-11-25",
    "last_quarter, 2026-07-01, 2026-09-30"
  })
  @SuppressWarnings("unchecked")
  void summaryTotalsMatchAnIndependentCount(String period, LocalDate first, LocalDate last) {
    Map<String, Object> s = data(call("get_time_summary", Map.of("period", period)));
    List<World.Entry> want = expected.startingOn(first, last, e -> true);
    expected.assertTotal(number(s.get("total_seconds")), want);
    assertThat(number(s.get("entry_count"))).isEqualTo(want.size());
    expected.assertTotal(
        number(s.get("billable_seconds")), want.stream().filter(World.Entry::billable).toList());
    Map<String, Object> breakdowns = (Map<String, Object>) s.get("breakdowns");
    long byProject =
        ((List<Map<String, Object>>) breakdowns.get("project"))
            .stream().mapToLong(g -> number(g.get("seconds"))).sum();
    assertThat(byProject).isEqualTo(number(s.get("total_seconds")));
  }

  @Test
  void historyOlderThanNinetyDaysAcrossTheSpringDstSwitch() {
    Map<String, Object> s =
        data(
            call(
                "get_time_summary",
                Map.of(
                    "start_date",
                    "2026-03-01",
                    "end_date",
                    "2026-04-30",
                    "group_by",
                    List.of("day"))));
    List<World.Entry> want =
        expected.startingOn(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30), e -> true);
    assertThat(want).isNotEmpty();
    assertThat(number(s.get("total_seconds"))).isEqualTo(expected.seconds(want));
    assertThat(number(s.get("entry_count"))).isEqualTo(want.size());
  }

  @Test
  @SuppressWarnings("unchecked")
  void anEntryCrossingMidnightCountsOnTheDayItStarts() {
    LocalDate day = TODAY.minusDays(2);
    Map<String, Object> s =
        data(
            call(
                "get_time_summary",
                Map.of(
                    "start_date",
                    day.toString(),
                    "end_date",
                    day.toString(),
                    "group_by",
                    List.of("day"))));
    List<World.Entry> want = expected.startingOn(day, day, e -> true);
    assertThat(want).anyMatch(e -> e.description().equals("Deploy release"));
    assertThat(number(s.get("total_seconds"))).isEqualTo(expected.seconds(want));
    List<Map<String, Object>> days =
        (List<Map<String, Object>>) ((Map<String, Object>) s.get("breakdowns")).get("day");
    assertThat(days)
        .singleElement()
        .satisfies(d -> assertThat(d.get("key")).isEqualTo(day.toString()));
  }

  @Test
  void billableThisMonthForOneClientWithAmounts() {
    Map<String, Object> s =
        data(
            call(
                "get_time_summary",
                Map.of("period", "this_month", "client", "globex", "billable", true)));
    long globex = 65_432_101L;
    List<World.Entry> want =
        expected.startingOn(
            LocalDate.of(2026, 11, 1),
            LocalDate.of(2026, 11, 30),
            e ->
                e.billable()
                    && e.projectId() != null
                    && Long.valueOf(globex)
                        .equals(world.project(e.projectId()).orElseThrow().clientId()));
    assertThat(want).noneMatch(World.Entry::running);
    assertThat(number(s.get("billable_seconds"))).isEqualTo(expected.seconds(want));
    BigDecimal eur =
        BigDecimal.valueOf(expected.seconds(want))
            .multiply(new BigDecimal("85"))
            .divide(BigDecimal.valueOf(3600), 2, java.math.RoundingMode.HALF_UP);
    assertThat(s.get("billable_amounts").toString()).contains("EUR").contains(eur.toPlainString());
  }

  @Test
  void searchFindsMeetingsByDescriptionProjectClientOrTag() {
    Map<String, Object> s =
        data(
            call(
                "search_time_entries",
                Map.of("query", "meeting", "period", "this_quarter", "limit", 5)));
    List<World.Entry> want =
        expected.startingOn(
            LocalDate.of(2026, 10, 1),
            LocalDate.of(2026, 12, 31),
            e -> expected.mentions(e, "meeting"));
    assertThat(number(s.get("total"))).isEqualTo(want.size());
    assertThat(number(s.get("returned"))).isEqualTo(5);
    assertThat(s).containsEntry("has_more", true).containsEntry("next_offset", 5);
  }

  @Test
  void entriesTaggedWithAllGivenTags() {
    Map<String, Object> s =
        data(
            call(
                "list_time_entries",
                Map.of("period", "last_30_days", "tags", List.of("meeting", "design"))));
    List<World.Entry> want =
        expected.startingOn(
            TODAY.minusDays(29),
            TODAY,
            e ->
                e.tagIds().stream()
                    .map(world::tagName)
                    .toList()
                    .containsAll(List.of("meeting", "design")));
    assertThat(number(s.get("total"))).isEqualTo(want.size()).isPositive();
  }

  @Test
  void everyProjectOfAWorkspaceWithMoreThanTwoHundred() {
    Map<String, Object> all =
        data(
            call(
                "list_projects",
                Map.of("status", "all", "workspace_id", 7_654_321L, "limit", 1000)));
    assertThat(number(all.get("total"))).isEqualTo(230);
    Map<String, Object> archived =
        data(call("list_projects", Map.of("status", "archived", "workspace_id", 7_654_321L)));
    assertThat(number(archived.get("total")))
        .isEqualTo(
            world.projects().stream()
                .filter(p -> p.workspaceId() == 7_654_321L && !p.active())
                .count());
  }

  @Test
  void clientsWorkspacesAndTags() {
    assertThat(number(data(call("list_clients", Map.of("status", "all"))).get("total")))
        .isEqualTo(9);
    assertThat(number(data(call("list_workspaces", Map.of())).get("total"))).isEqualTo(3);
    assertThat(number(data(call("list_tags", Map.of("query", "meet"))).get("total"))).isEqualTo(2);
  }

  @Test
  @SuppressWarnings("unchecked")
  void oneEntryInFull() {
    World.Entry e =
        world.liveEntries().stream().filter(x -> x.taskId() != null).findFirst().orElseThrow();
    Map<String, Object> d = data(call("get_time_entry_details", Map.of("time_entry_id", e.id())));
    Map<String, Object> entry = (Map<String, Object>) d.get("entry");
    assertThat(number(entry.get("id"))).isEqualTo(e.id());
    assertThat(entry)
        .containsEntry("project_name", "Website Redesign")
        .containsEntry("client_name", "Acme Corp");
    assertThat(entry).containsKey("task_name");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "list_time_entries|{\"period\":\"last_week\",\"start_date\":\"2026-11-01\"}|period",
        "list_time_entries|{\"period\":\"fortnight\"}|today, yesterday",
        "list_time_entries|{\"start_date\":\"2026-13-45\"}|YYYY-MM-DD",
        "list_time_entries|{\"start_date\":\"2026-11-10\",\"end_date\":\"2026-11-01\"}|before",
        "list_time_entries|{\"start_date\":\"2010-01-01\",\"end_date\":\"2026-01-01\"}|two years",
        "list_time_entries|{\"project\":\"Websight Redesign\"}|Website Redesign",
        "list_time_entries|{\"client\":\"Acme Corp\"}|65432100",
        "list_time_entries|{\"tags\":[\"no-such-tag\"]}|list_tags",
        "list_time_entries|{\"limit\":0}|limit",
        "list_time_entries|{\"limit\":\"many\"}|limit",
        "list_time_entries|{\"colour\":\"red\"}|colour",
        "get_time_entry_details|{}|time_entry_id",
        "get_time_entry_details|{\"time_entry_id\":-5}|time_entry_id",
        "get_time_entry_details|{\"time_entry_id\":4999999999999}|time_entry_id",
        "search_time_entries|{}|query",
        "search_time_entries|{\"search_in\":[\"description\"]}|search_in",
        "get_time_summary|{\"start_date\":\"2026-12-01\"}|add an end_date",
        "list_time_entries|{\"client\":1.5}|client",
        "get_time_summary|{\"group_by\":[\"planet\"]}|group_by",
        "list_projects|{\"status\":\"deleted\"}|status",
        "list_clients|{\"workspace_id\":123}|workspace_id"
      })
  void badArgumentsGetOneSentenceNamingTheArgument(String tool, String json, String mentioned)
      throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> args =
        new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Map.class);
    CallToolResult r = call(tool, args);
    assertThat(r.isError()).as(text(r)).isTrue();
    assertThat(text(r)).contains(mentioned).doesNotContain("Exception").doesNotContain("\tat ");
    // the session keeps working
    assertThat(data(call("list_workspaces", Map.of()))).containsKey("workspaces");
  }
}
