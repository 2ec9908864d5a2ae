package dev.toggltrackmcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toggltrackmcp.sandbox.Dataset;
import dev.toggltrackmcp.sandbox.SimulatorOptions;
import dev.toggltrackmcp.sandbox.World;
import dev.toggltrackmcp.testing.CsvRows;
import dev.toggltrackmcp.testing.SimulatedWorld;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Prompts (get and completion) and resources (list, read, templates, the CSV) through the SDK's own
 * client, against the simulated Toggl frozen at {@link SimulatedWorld#NOW}; expected numbers come
 * from the simulator's records ({@link Expected}). Run once per transport.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PromptsAndResourcesEndToEndTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
  private static final Pattern STEP = Pattern.compile("(?m)^\\d+\\. ([a-z_]+) (\\{.*\\}) — ");
  private static final ObjectMapper JSON = new ObjectMapper();

  final Dataset world = Dataset.generate(SimulatorOptions.defaults(), SimulatedWorld.NOW);
  final Expected expected = new Expected(world, SimulatedWorld.NOW);
  final List<String> everythingSeen = new ArrayList<>();

  abstract McpSyncClient client();

  /** Toggl requests the simulator behind the server has answered so far. */
  abstract int togglRequests();

  @AfterAll
  void noAnswerEverCarriesTheTokenOrATrace() {
    assertThat(everythingSeen).isNotEmpty();
    assertThat(String.join("\n", everythingSeen))
        .doesNotContain(SimulatorOptions.DEFAULT_TOKEN)
        .doesNotContain("ws-secret-")
        .doesNotContain("api_token")
        .doesNotContain("intercom")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  // --- prompts ---

  @Test
  void listsTheFourPromptsWithTheirArguments() {
    Map<String, McpSchema.Prompt> prompts =
        client().listPrompts().prompts().stream()
            .collect(Collectors.toMap(McpSchema.Prompt::name, p -> p));
    assertThat(prompts.keySet())
        .containsExactlyInAnyOrder("weekly_review", "invoice_prep", "timesheet_check", "standup");
    assertThat(prompts.get("invoice_prep").arguments())
        .extracting(McpSchema.PromptArgument::name, McpSchema.PromptArgument::required)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("client", true),
            org.assertj.core.groups.Tuple.tuple("month", false));
    assertThat(prompts.get("standup").arguments()).isEmpty();
    prompts.values().forEach(p -> assertThat(p.description()).isNotBlank());
  }

  @ParameterizedTest(name = "week={0}")
  @CsvSource({
    "'', 2026-11-23, 2026-11-29",
    "this_week, 2026-11-23, 2026-11-29",
    "last_week, 2026-11-16, 2026-11-22",
    "2026-11-18, 2026-11-16, 2026-11-22",
    "2026-11-22, 2026-11-16, 2026-11-22"
  })
  void weeklyReviewNamesTheToolsForTheWeek(String week, String first, String last) {
    String text = prompt("weekly_review", week.isEmpty() ? Map.of() : Map.of("week", week));
    assertThat(text)
        .contains("Monday " + first + " to Sunday " + last + " (Europe/Berlin)")
        .contains(
            "get_time_summary {\"start_date\":\""
                + first
                + "\",\"end_date\":\""
                + last
                + "\",\"group_by\":[\"day\"]}")
        .contains("list_time_entries {\"start_date\":\"" + first + "\"");
  }

  @Test
  void invoicePrepResolvesTheClientAndTheMonth() {
    String text = prompt("invoice_prep", Map.of("client", "globex", "month", "2026-10"));
    assertThat(text)
        .contains("\"Globex\" (client id 65432101, workspace Lima Consulting)")
        .contains("October 2026")
        .contains(
            "get_time_summary {\"start_date\":\"2026-10-01\",\"end_date\":\"2026-10-31\","
                + "\"client\":65432101,\"billable\":true")
        .contains("toggl://entries/2026-10-01/2026-10-31.csv");
    String labelled = prompt("invoice_prep", Map.of("client", "acme corp (northwind agency)"));
    assertThat(labelled).contains("client id 65432201").contains("2026-10-01"); // last month
  }

  @Test
  void standupAsksForYesterdayTodayAndWhatRuns() {
    String text = prompt("standup", Map.of());
    assertThat(text)
        .contains("list_time_entries {\"start_date\":\"2026-11-24\",\"end_date\":\"2026-11-24\"}")
        .contains("list_time_entries {\"start_date\":\"2026-11-25\",\"end_date\":\"2026-11-25\"}")
        .contains("get_current_time_entry {}");
  }

  @Test
  void timesheetCheckNamesCheckTimesheetOnlyWhenTheServerHasIt() {
    String text = prompt("timesheet_check", Map.of("period", "last_month"));
    assertThat(text).contains("2026-10-01").contains("2026-10-31");
    boolean served =
        client().listTools().tools().stream().anyMatch(t -> t.name().equals("check_timesheet"));
    assertThat(text.contains("check_timesheet")).isEqualTo(served);
  }

  /** What the prompts tell the model to do works: every call they name answers without error. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "weekly_review|{\"week\":\"last_week\"}",
        "invoice_prep|{\"client\":\"Globex\",\"month\":\"last_month\"}",
        "timesheet_check|{\"period\":\"this_month\"}",
        "standup|{}"
      })
  void everyToolCallAPromptNamesAnswers(String name, String json) throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> args = JSON.readValue(json, Map.class);
    Matcher steps = STEP.matcher(prompt(name, args));
    int calls = 0;
    while (steps.find()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> toolArgs = JSON.readValue(steps.group(2), Map.class);
      CallToolResult r = client().callTool(new McpSchema.CallToolRequest(steps.group(1), toolArgs));
      String shown = ((McpSchema.TextContent) r.content().get(0)).text();
      everythingSeen.add(shown);
      assertThat(r.isError()).as(steps.group(1) + " " + toolArgs + ": " + shown).isFalse();
      calls++;
    }
    assertThat(calls).isGreaterThanOrEqualTo(3);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "invoice_prep|{}|client is required",
        "invoice_prep|{\"client\":\"Acme Corp\"}|Acme Corp (Northwind Agency)",
        "invoice_prep|{\"client\":\"Globx\"}|Globex",
        "invoice_prep|{\"client\":\"Globex\",\"month\":\"October\"}|month",
        "weekly_review|{\"week\":\"next week\"}|week",
        "timesheet_check|{\"period\":\"fortnight\"}|period",
        "standup|{\"day\":\"monday\"}|day"
      })
  void badPromptArgumentsAreInvalidParamsNamingThem(String name, String json, String mentioned)
      throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> args = JSON.readValue(json, Map.class);
    McpError e =
        catchThrowableOfType(
            () -> client().getPrompt(new McpSchema.GetPromptRequest(name, args)), McpError.class);
    assertThat(e).as(name + " " + json).isNotNull();
    everythingSeen.add(e.getMessage());
    assertThat(e.getJsonRpcError().code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
    assertThat(e.getJsonRpcError().message()).contains(mentioned).doesNotContain("Exception");
    assertThat(prompt("standup", Map.of())).contains("get_current_time_entry"); // still serving
  }

  @Test
  void anUnknownPromptIsAnError() {
    McpError e =
        catchThrowableOfType(
            () -> client().getPrompt(new McpSchema.GetPromptRequest("monthly_rant", Map.of())),
            McpError.class);
    assertThat(e.getJsonRpcError().code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
  }

  // --- completions ---

  @Test
  void completionsComeFromTheCacheWithoutAskingToggl() {
    prompt("standup", Map.of()); // the cache is warm
    int before = togglRequests();
    assertThat(complete(prompt("invoice_prep"), "client", "ac", Map.of()))
        .containsExactly("Acme Corp (Lima Consulting)", "Acme Corp (Northwind Agency)");
    assertThat(complete(prompt("invoice_prep"), "client", "", Map.of()))
        .hasSize(world.clients().size());
    assertThat(complete(prompt("invoice_prep"), "client", "mül", Map.of()))
        .containsExactly("Müller & Söhne GmbH");
    assertThat(complete(prompt("invoice_prep"), "client", "東京", Map.of()))
        .containsExactly("東京デザイン");
    assertThat(complete(prompt("invoice_prep"), "month", "2026-1", Map.of()))
        .containsExactly("2026-11", "2026-10");
    assertThat(complete(prompt("invoice_prep"), "month", "", Map.of()))
        .startsWith("this_month", "last_month", "2026-11");
    assertThat(complete(prompt("weekly_review"), "week", "", Map.of()))
        .startsWith("this_week", "last_week", "2026-11-23", "2026-11-16");
    assertThat(complete(prompt("timesheet_check"), "period", "last", Map.of()))
        .allMatch(p -> p.startsWith("last_"))
        .contains("last_week", "last_month", "last_90_days");
    assertThat(complete(resource("toggl://summary/{period}"), "period", "this_", Map.of()))
        .containsExactly("this_week", "this_month", "this_quarter", "this_year");
    assertThat(
            complete(
                resource("toggl://entries/{start_date}/{end_date}.csv"),
                "end_date",
                "2026-10",
                Map.of("start_date", "2026-10-01")))
        .containsExactly("2026-10-01", "2026-10-04", "2026-10-31");
    assertThat(
            complete(
                resource("toggl://entries/{start_date}/{end_date}.csv"),
                "start_date",
                "",
                Map.of()))
        .contains("2026-11-25", "2026-11-23", "2026-11-01", "2026-10-01");
    assertThat(complete(resource("toggl://projects/{workspace_id}"), "workspace_id", "", Map.of()))
        .containsExactlyInAnyOrder("7654321", "7654322", "7654323");
    assertThat(complete(prompt("invoice_prep"), "client", "zzz-nothing", Map.of())).isEmpty();
    assertThat(togglRequests()).isEqualTo(before);
  }

  // --- resources ---

  @Test
  void listsTheResourcesAndTemplates() {
    assertThat(client().listResources().resources())
        .extracting(McpSchema.Resource::uri, McpSchema.Resource::mimeType)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("toggl://me", "application/json"),
            org.assertj.core.groups.Tuple.tuple("toggl://workspaces", "application/json"),
            org.assertj.core.groups.Tuple.tuple("toggl://projects", "application/json"),
            org.assertj.core.groups.Tuple.tuple("toggl://current-entry", "application/json"));
    assertThat(client().listResourceTemplates().resourceTemplates())
        .extracting(McpSchema.ResourceTemplate::uriTemplate, McpSchema.ResourceTemplate::mimeType)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "toggl://projects/{workspace_id}", "application/json"),
            org.assertj.core.groups.Tuple.tuple("toggl://summary/{period}", "application/json"),
            org.assertj.core.groups.Tuple.tuple(
                "toggl://entries/{start_date}/{end_date}.csv", "text/csv"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void jsonResourcesAreWhatTheToolsAnswer() throws Exception {
    Map<String, Object> me = json("toggl://me");
    assertThat(me).containsEntry("timezone", "Europe/Berlin").containsEntry("fullname", "Ana Lima");
    assertThat(number(json("toggl://workspaces").get("total"))).isEqualTo(3);
    Map<String, Object> projects = json("toggl://projects");
    assertThat(number(projects.get("total")))
        .isEqualTo(world.projects().stream().filter(World.Project::active).count())
        .isEqualTo(((List<Object>) projects.get("projects")).size());
    assertThat(number(json("toggl://projects/7654321").get("total")))
        .isEqualTo(
            world.projects().stream()
                .filter(p -> p.active() && p.workspaceId() == 7_654_321L)
                .count());
    Map<String, Object> now = json("toggl://current-entry");
    assertThat(now).containsEntry("running", true);
    Map<String, Object> lastWeek = json("toggl://summary/last_week");
    expected.assertTotal(
        number(lastWeek.get("total_seconds")),
        expected.startingOn(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 22), e -> true));
    McpSchema.TextResourceContents c = contents("toggl://me");
    assertThat(c.mimeType()).isEqualTo("application/json");
    assertThat(c.meta()).containsKey("data_as_of");
  }

  /** The CSV, parsed back with a real CSV reader, adds up to get_time_summary and the records. */
  @Test
  @SuppressWarnings("unchecked")
  void theCsvAddsUpToTheSummaryAndTheRecords() {
    McpSchema.TextResourceContents c = contents("toggl://entries/2026-10-01/2026-10-31.csv");
    assertThat(c.mimeType()).isEqualTo("text/csv");
    List<List<String>> rows = CsvRows.parse(c.text());
    List<String> header = rows.get(0);
    assertThat(header)
        .containsExactly(
            "id",
            "date",
            "start",
            "stop",
            "duration",
            "hours",
            "description",
            "project",
            "client",
            "task",
            "tags",
            "billable",
            "billable_amount",
            "currency",
            "workspace");
    List<Map<String, String>> entries = new ArrayList<>();
    for (List<String> row : rows.subList(1, rows.size())) {
      Map<String, String> m = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        m.put(header.get(i), row.get(i));
      }
      entries.add(m);
    }
    List<World.Entry> want =
        expected.startingOn(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), e -> true);
    Map<String, Object> summary =
        ToolsEndToEndTest.data(
            client()
                .callTool(
                    new McpSchema.CallToolRequest(
                        "get_time_summary",
                        Map.of(
                            "start_date",
                            "2026-10-01",
                            "end_date",
                            "2026-10-31",
                            "group_by",
                            List.of()))));
    long seconds = entries.stream().mapToLong(e -> seconds(e.get("duration"))).sum();
    long billable =
        entries.stream()
            .filter(e -> e.get("billable").equals("yes"))
            .mapToLong(e -> seconds(e.get("duration")))
            .sum();
    assertThat(entries).hasSize(want.size());
    assertThat(number(summary.get("entry_count"))).isEqualTo(want.size());
    assertThat(seconds)
        .isEqualTo(expected.seconds(want))
        .isEqualTo(number(summary.get("total_seconds")));
    assertThat(billable).isEqualTo(number(summary.get("billable_seconds")));
    assertThat(entries.stream().map(e -> Long.parseLong(e.get("id"))).collect(Collectors.toSet()))
        .isEqualTo(want.stream().map(World.Entry::id).collect(Collectors.toSet()));
    // per currency, rows rounded to cents add up to the summary's amount within half a cent a row
    Map<String, BigDecimal> amounts = new TreeMap<>();
    Map<String, Integer> rowsWithAmount = new TreeMap<>();
    for (Map<String, String> e : entries) {
      if (!e.get("billable_amount").isEmpty()) {
        amounts.merge(e.get("currency"), new BigDecimal(e.get("billable_amount")), BigDecimal::add);
        rowsWithAmount.merge(e.get("currency"), 1, Integer::sum);
      }
    }
    Map<String, BigDecimal> fromSummary = new TreeMap<>();
    ((List<Map<String, Object>>) summary.get("billable_amounts"))
        .forEach(
            a ->
                fromSummary.put(
                    (String) a.get("currency"), new BigDecimal(a.get("amount").toString())));
    assertThat(amounts.keySet())
        .isEqualTo(fromSummary.keySet())
        .isEqualTo(independentAmounts(want).keySet());
    amounts.forEach(
        (currency, sum) -> {
          BigDecimal slack =
              new BigDecimal("0.005").multiply(BigDecimal.valueOf(rowsWithAmount.get(currency)));
          assertThat(sum.subtract(fromSummary.get(currency)).abs())
              .as(currency)
              .isLessThanOrEqualTo(slack);
          assertThat(sum.subtract(independentAmounts(want).get(currency)).abs())
              .as(currency)
              .isLessThanOrEqualTo(slack);
        });
    // each row: local times with Berlin's offset (October has the DST switch), hours of duration
    for (Map<String, String> e : entries) {
      OffsetDateTime start = OffsetDateTime.parse(e.get("start"));
      assertThat(start.getOffset())
          .isEqualTo(Expected.BERLIN.getRules().getOffset(start.toInstant()));
      assertThat(e.get("date")).isEqualTo(start.toLocalDate().toString());
      assertThat(new BigDecimal(e.get("hours")))
          .isEqualTo(
              BigDecimal.valueOf(seconds(e.get("duration")))
                  .divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP));
    }
    assertThat(entries.stream().map(e -> e.get("start")).toList()).isSorted();
    // names as answers show them, accents and CJK intact
    Set<String> clients =
        want.stream()
            .map(expected::clientOf)
            .filter(java.util.Objects::nonNull)
            .map(expected::clientLabel)
            .collect(Collectors.toSet());
    assertThat(
            entries.stream()
                .map(e -> e.get("client"))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet()))
        .isEqualTo(clients);
    assertThat(clients).anyMatch(n -> !n.chars().allMatch(ch -> ch < 128));
  }

  @Test
  void theCsvOfThisMonthCountsTheRunningEntryUpToNow() {
    List<List<String>> rows =
        CsvRows.parse(contents("toggl://entries/2026-11-01/2026-11-30.csv").text());
    List<World.Entry> want =
        expected.startingOn(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), e -> true);
    assertThat(rows).hasSize(want.size() + 1);
    expected.assertTotal(
        rows.subList(1, rows.size()).stream().mapToLong(r -> seconds(r.get(4))).sum(), want);
    assertThat(rows).anyMatch(r -> r.get(3).isEmpty()); // the running one has no stop
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "toggl://summary/fortnight|" + ErrorCodes.INVALID_PARAMS + "|period",
        "toggl://entries/2026-11-30/2026-11-01.csv|" + ErrorCodes.INVALID_PARAMS + "|end_date",
        "toggl://entries/2026-13-45/2026-11-01.csv|" + ErrorCodes.INVALID_PARAMS + "|start_date",
        "toggl://entries/2010-01-01/2026-01-01.csv|" + ErrorCodes.INVALID_PARAMS + "|two years",
        "toggl://entries/2026-11-01/2026-11%ZZ.csv|" + ErrorCodes.INVALID_PARAMS + "|end_date",
        "toggl://projects/123|" + ErrorCodes.INVALID_PARAMS + "|workspace_id",
        "toggl://projects/abc|" + ErrorCodes.INVALID_PARAMS + "|workspace_id",
        "toggl://nothing-here|" + ErrorCodes.RESOURCE_NOT_FOUND + "|not found"
      })
  void badResourceUrisAreCleanErrors(String uri, int code, String mentioned) {
    McpError e =
        catchThrowableOfType(
            () -> client().readResource(new McpSchema.ReadResourceRequest(uri)), McpError.class);
    assertThat(e).as(uri).isNotNull();
    everythingSeen.add(e.getMessage());
    assertThat(e.getJsonRpcError().code()).isEqualTo(code);
    assertThat(e.getJsonRpcError().message()).containsIgnoringCase(mentioned);
    assertThat(json("toggl://workspaces")).containsKey("workspaces"); // still serving
  }

  // --- helpers ---

  String prompt(String name, Map<String, Object> args) {
    McpSchema.GetPromptResult r = client().getPrompt(new McpSchema.GetPromptRequest(name, args));
    assertThat(r.messages()).hasSize(1);
    String text = ((McpSchema.TextContent) r.messages().get(0).content()).text();
    everythingSeen.add(text);
    return text;
  }

  static McpSchema.CompleteReference prompt(String name) {
    return new McpSchema.PromptReference(name);
  }

  static McpSchema.CompleteReference resource(String uriTemplate) {
    return new McpSchema.ResourceReference(uriTemplate);
  }

  List<String> complete(
      McpSchema.CompleteReference ref, String argument, String typed, Map<String, String> context) {
    McpSchema.CompleteResult r =
        client()
            .completeCompletion(
                new McpSchema.CompleteRequest(
                    ref,
                    new McpSchema.CompleteRequest.CompleteArgument(argument, typed),
                    new McpSchema.CompleteRequest.CompleteContext(context)));
    everythingSeen.add(r.completion().values().toString());
    return r.completion().values();
  }

  McpSchema.TextResourceContents contents(String uri) {
    McpSchema.ReadResourceResult r = client().readResource(new McpSchema.ReadResourceRequest(uri));
    assertThat(r.contents()).hasSize(1);
    McpSchema.TextResourceContents c = (McpSchema.TextResourceContents) r.contents().get(0);
    assertThat(c.uri()).isEqualTo(uri);
    everythingSeen.add(c.text());
    return c;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> json(String uri) {
    try {
      return JSON.readValue(contents(uri).text(), Map.class);
    } catch (java.io.IOException e) {
      throw new AssertionError(uri + " is not JSON", e);
    }
  }

  static long number(Object o) {
    return ((Number) o).longValue();
  }

  /** {@code H:MM:SS} as seconds. */
  static long seconds(String hms) {
    String[] p = hms.split(":");
    return Long.parseLong(p[0]) * 3600 + Long.parseLong(p[1]) * 60 + Long.parseLong(p[2]);
  }

  /** Billable amounts per currency straight from the records: project rate, else workspace. */
  private Map<String, BigDecimal> independentAmounts(List<World.Entry> entries) {
    Map<String, BigDecimal> out = new TreeMap<>();
    for (World.Entry e : entries) {
      if (!e.billable() || e.running()) {
        continue;
      }
      World.Workspace ws = world.workspace(e.workspaceId()).orElseThrow();
      World.Project p = e.projectId() == null ? null : world.project(e.projectId()).orElseThrow();
      BigDecimal rate = p != null && p.rate() != null ? p.rate() : ws.defaultHourlyRate();
      String currency =
          p != null && p.rate() != null && p.currency() != null
              ? p.currency()
              : ws.defaultCurrency();
      if (rate != null) {
        out.merge(
            currency,
            rate.multiply(BigDecimal.valueOf(e.duration()))
                .divide(BigDecimal.valueOf(3600), 6, RoundingMode.HALF_UP),
            BigDecimal::add);
      }
    }
    return out;
  }
}
