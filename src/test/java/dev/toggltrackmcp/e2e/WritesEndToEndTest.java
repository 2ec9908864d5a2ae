package dev.toggltrackmcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toggltrackmcp.sandbox.Dataset;
import dev.toggltrackmcp.sandbox.SimulatorOptions;
import dev.toggltrackmcp.sandbox.World;
import dev.toggltrackmcp.testing.SimulatedWorld;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator.ValidationResponse;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every write tool through the SDK's own client, with TOGGL_WRITE_ENABLED=true, against a simulated
 * Toggl frozen at {@link SimulatedWorld#NOW}: what each sends (counted per endpoint), that a
 * refused call sends nothing, the confirm flow, that reads after a write cost no request, that a
 * lost answer never makes a second entry, and that every result matches its tool's outputSchema.
 * Tests work on different days of November 2026 (none in the planted week), so they do not meet.
 * Run once per transport.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
abstract class WritesEndToEndTest implements ConfirmedWritesEndToEnd {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final String CREATE = "POST /api/v9/workspaces/{id}/time_entries";

  /** The world the server sees, regenerated here from the same seed. */
  final Dataset world = Dataset.generate(SimulatorOptions.defaults(), SimulatedWorld.NOW);

  private final DefaultJsonSchemaValidator validator = new DefaultJsonSchemaValidator();
  private final Map<String, Map<String, Object>> outputSchemas = new HashMap<>();
  final List<String> everythingSeen = new ArrayList<>();

  abstract McpSyncClient client();

  @Override
  public abstract SimulatorCounters simulator();

  @Override
  public Dataset world() {
    return world;
  }

  /** Called by each transport's start, once its client is connected. */
  void fillTheCache() {
    for (McpSchema.Tool t : client().listTools().tools()) {
      outputSchemas.put(t.name(), t.outputSchema());
    }
    data(call("list_time_entries", Map.of("period", "last_30_days")));
    data(call("get_current_time_entry", Map.of()));
    // reads every workspace's time entry constraints (kept for hours) and the habits' history
    data(call("check_timesheet", Map.of()));
  }

  @Override
  public CallToolResult call(String tool, Map<String, Object> args) {
    CallToolResult r = client().callTool(new McpSchema.CallToolRequest(tool, args));
    everythingSeen.add(text(r));
    if (!Boolean.TRUE.equals(r.isError())) {
      ValidationResponse v = validator.validate(outputSchemas.get(tool), r.structuredContent());
      assertThat(v.valid())
          .as(tool + " result against its outputSchema: " + v.errorMessage())
          .isTrue();
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

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> maps(Object o) {
    return (List<Map<String, Object>>) o;
  }

  static long number(Object o) {
    return ((Number) o).longValue();
  }

  /** The Toggl requests {@code run} made, per endpoint (only those it made). */
  @Override
  public Map<String, Integer> requestsOf(Runnable run) {
    Map<String, Integer> before = simulator().byEndpoint();
    run.run();
    Map<String, Integer> delta = new HashMap<>();
    simulator()
        .byEndpoint()
        .forEach(
            (k, n) -> {
              int d = n - before.getOrDefault(k, 0);
              if (d != 0) {
                delta.put(k, d);
              }
            });
    return delta;
  }

  /** Local 2026-11-{day}T{time} in Berlin. */
  static Instant local(int day, String time) {
    return LocalDateTime.parse("2026-11-" + String.format("%02d", day) + "T" + time)
        .atZone(BERLIN)
        .toInstant();
  }

  /** Ana's first finished entry (one project, in Lima Consulting) starting on that day. */
  @Override
  public World.Entry firstEntryOn(int day) {
    LocalDate d = LocalDate.of(2026, 11, day);
    return world.liveEntries().stream()
        .filter(e -> !e.running() && LocalDate.ofInstant(e.start(), BERLIN).equals(d))
        .filter(e -> e.projectId() != null)
        .filter(e -> e.workspaceId() == lima())
        .min((a, b) -> a.start().compareTo(b.start()))
        .orElseThrow();
  }

  @Override
  public long lima() {
    return world.workspaces().stream()
        .filter(w -> w.name().equals("Lima Consulting"))
        .findFirst()
        .orElseThrow()
        .id();
  }

  long projectId(String name) {
    return world.projects().stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow()
        .id();
  }

  static void nothingAt(Dataset world, Instant from, Instant to) {
    assertThat(world.liveEntries())
        .as("the slot is free")
        .noneMatch(e -> e.start().isBefore(to) && (e.stop() == null || e.stop().isAfter(from)));
  }

  @Test
  void theWriteToolsAreListedWithHonestHints() {
    Map<String, McpSchema.Tool> tools = new HashMap<>();
    client().listTools().tools().forEach(t -> tools.put(t.name(), t));
    Map<String, List<Boolean>> hints =
        Map.of(
            "start_time_entry", List.of(true, false),
            "stop_time_entry", List.of(false, true),
            "create_time_entry", List.of(false, false),
            "update_time_entry", List.of(true, true),
            "delete_time_entry", List.of(true, true),
            "bulk_update_time_entries", List.of(true, true),
            "create_tag", List.of(false, true),
            "create_project", List.of(false, true),
            "create_client", List.of(false, true));
    hints.forEach(
        (name, destructiveIdempotent) -> {
          McpSchema.Tool t = tools.get(name);
          assertThat(t).as(name).isNotNull();
          assertThat(t.annotations().readOnlyHint()).as(name).isFalse();
          assertThat(List.of(t.annotations().destructiveHint(), t.annotations().idempotentHint()))
              .as(name)
              .isEqualTo(destructiveIdempotent);
          assertThat(t.outputSchema()).as(name).containsKey("properties");
          assertThat(t.description()).as(name).contains("{\"");
        });
    assertThat(tools.get("list_time_entries").annotations().readOnlyHint()).isTrue();
  }

  @Test
  void aTimerStartsSaysWhatTogglStoppedAndStopsOnce() {
    World.Entry running = world.running().orElseThrow();
    Map<String, Object>[] started = new Map[1];
    assertThat(
            requestsOf(
                () ->
                    started[0] =
                        data(
                            call(
                                "start_time_entry",
                                Map.of(
                                    "description", "Client call",
                                    "project", "Website Redesign",
                                    "tags", List.of("meeting"))))))
        .as("the start, and one since request to learn how the stopped entry ended")
        .isEqualTo(Map.of(CREATE, 1, "GET /api/v9/me/time_entries", 1));
    Map<String, Object> entry = map(started[0].get("entry"));
    Map<String, Object> stopped = map(started[0].get("stopped_entry"));
    assertThat(entry)
        .containsEntry("is_running", true)
        .containsEntry("description", "Client call")
        .containsEntry("project_name", "Website Redesign")
        .containsEntry("tags", List.of("meeting"));
    assertThat(number(stopped.get("id"))).isEqualTo(running.id());
    assertThat(stopped).containsEntry("is_running", false);
    assertThat(number(stopped.get("duration_seconds"))).isBetween(47 * 60L, 47 * 60L + 120);

    long id = number(entry.get("id"));
    assertThat(
            requestsOf(
                () ->
                    assertThat(
                            number(
                                map(data(call("get_current_time_entry", Map.of())).get("entry"))
                                    .get("id")))
                        .isEqualTo(id)))
        .as("read after write")
        .isEmpty();

    Map<String, Integer> stop =
        requestsOf(
            () ->
                assertThat(map(data(call("stop_time_entry", Map.of())).get("entry")))
                    .containsEntry("is_running", false));
    assertThat(stop).isEqualTo(Map.of("PATCH /api/v9/workspaces/{id}/time_entries/{id}/stop", 1));

    Map<String, Integer> again =
        requestsOf(
            () -> {
              CallToolResult nothing = call("stop_time_entry", Map.of());
              assertThat(nothing.isError()).isTrue();
              assertThat(text(nothing)).contains("Nothing is running");
              CallToolResult stoppedAlready = call("stop_time_entry", Map.of("time_entry_id", id));
              assertThat(stoppedAlready.isError()).isTrue();
              assertThat(text(stoppedAlready)).contains("already stopped");
              assertThat(data(call("get_current_time_entry", Map.of())))
                  .containsEntry("running", false);
            });
    assertThat(again).as("stopping nothing asks Toggl nothing").isEmpty();

    Map<String, Object>[] alone = new Map[1];
    assertThat(
            requestsOf(
                () -> alone[0] = data(call("start_time_entry", Map.of("description", "Focus")))))
        .as("with nothing running, the start alone")
        .isEqualTo(Map.of(CREATE, 1));
    assertThat(alone[0].get("stopped_entry")).isNull();
    data(
        call(
            "stop_time_entry",
            Map.of("time_entry_id", number(map(alone[0].get("entry")).get("id")))));
  }

  @Test
  void pastTimeIsLoggedOnceAndEveryReadShowsItWithoutAskingToggl() {
    nothingAt(world, local(3, "05:00"), local(3, "06:30"));
    Map<String, Object> day = Map.of("start_date", "2026-11-03", "end_date", "2026-11-03");
    long before = number(data(call("get_time_summary", day)).get("total_seconds"));
    Map<String, Object>[] logged = new Map[1];
    assertThat(
            requestsOf(
                () ->
                    logged[0] =
                        data(
                            call(
                                "create_time_entry",
                                Map.of(
                                    "description", "Workshop prep for Zeta",
                                    "project", "website redesign",
                                    "tags", List.of("meeting"),
                                    "start", "2026-11-03T05:00",
                                    "duration", "1h30m")))))
        .isEqualTo(Map.of(CREATE, 1));
    Map<String, Object> entry = map(logged[0].get("entry"));
    assertThat(entry)
        .containsEntry("start", "2026-11-03T05:00:00+01:00")
        .containsEntry("stop", "2026-11-03T06:30:00+01:00")
        .containsEntry("duration_seconds", 5400)
        .containsEntry("project_name", "Website Redesign")
        .containsEntry("client_name", "Acme Corp");
    long id = number(entry.get("id"));
    assertThat(
            requestsOf(
                () -> {
                  assertThat(number(data(call("get_time_summary", day)).get("total_seconds")))
                      .isEqualTo(before + 5400);
                  assertThat(maps(data(call("list_time_entries", day)).get("entries")))
                      .anyMatch(e -> number(e.get("id")) == id);
                  assertThat(
                          map(
                              data(call("get_time_entry_details", Map.of("time_entry_id", id)))
                                  .get("entry")))
                      .containsEntry("description", "Workshop prep for Zeta");
                  assertThat(
                          number(
                              data(call(
                                      "search_time_entries",
                                      Map.of(
                                          "query",
                                          "workshop prep for zeta",
                                          "period",
                                          "this_month")))
                                  .get("total")))
                      .isEqualTo(1);
                }))
        .as("read after write")
        .isEmpty();
  }

  @Test
  void theOriginalServersArgumentsLogTheSameWay() {
    nothingAt(world, local(4, "05:00"), local(4, "05:45"));
    Map<String, Object> entry =
        map(
            data(call(
                    "create_time_entry",
                    Map.of(
                        "description",
                        "Code review",
                        "project_id",
                        projectId("Website Redesign"),
                        "start_time",
                        "2026-11-04T05:00:00+01:00",
                        "duration_minutes",
                        45,
                        "billable",
                        true,
                        "tags",
                        List.of("review"))))
                .get("entry"));
    assertThat(entry)
        .containsEntry("duration_seconds", 2700)
        .containsEntry("billable", true)
        .containsEntry("tags", List.of("review"))
        .containsEntry("start", "2026-11-04T05:00:00+01:00");
  }

  @Test
  void localTimesOnTheNightTheClocksGoBackKeepTheirOffsets() {
    // 2026-10-25: 03:00 CEST becomes 02:00 CET, so 01:30 to 03:30 local lasts three hours
    Map<String, Object> entry =
        map(
            data(call(
                    "create_time_entry",
                    Map.of(
                        "description", "Night deploy",
                        "start", "2026-10-25T01:30",
                        "stop", "2026-10-25T03:30",
                        "allow_overlap", true)))
                .get("entry"));
    assertThat(entry)
        .containsEntry("start", "2026-10-25T01:30:00+02:00")
        .containsEntry("stop", "2026-10-25T03:30:00+01:00")
        .containsEntry("duration_seconds", 3 * 3600);
    CallToolResult twice =
        call(
            "create_time_entry",
            Map.of("description", "Ambiguous", "start", "2026-10-25T02:30", "duration", 10));
    assertThat(text(twice)).contains("2026-10-25T02:30+02:00").contains("2026-10-25T02:30+01:00");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "create_time_entry|{\"start\": \"2026-11-25T11:00\", \"duration\": \"1h\"}|in the future",
        "create_time_entry|{\"start\": \"2026-11-05T05:00\", \"stop\": \"2026-11-05T05:00\"}"
            + "|zero seconds",
        "create_time_entry|{\"start\": \"2026-11-05T05:00\", \"stop\": \"2026-11-05T04:00\"}"
            + "|end before it starts",
        "create_time_entry|{\"start\": \"2026-11-05T05:00\", \"stop\": \"2026-11-05T06:00\","
            + " \"duration\": 30}|disagree",
        "create_time_entry|{\"start\": \"2026-03-29T02:30\", \"duration\": 30}|clocks jump",
        "create_time_entry|{\"start\": \"2026-11-05T05:00\", \"duration\": 30, \"tags\":"
            + " [\"meting\"]}|closest: \"meeting",
        "create_time_entry|{\"start\": \"2026-11-05T05:00\", \"duration\": 30, \"project\":"
            + " \"Websight Redesign\"}|create_project",
        "start_time_entry|{\"start\": \"2026-11-25T12:00\"}|in the future",
        "start_time_entry|{\"tags\": [\"no-such-tag\"]}|create_tag",
        "update_time_entry|{\"time_entry_id\": 4999999999999, \"billable\": true}|No time entry",
        "delete_time_entry|{\"time_entry_id\": 4999999999999}|No time entry",
        "bulk_update_time_entries|{\"changes\": {\"billable\": true}}|Say which entries",
        "bulk_update_time_entries|{\"period\": \"last_week\", \"changes\": {\"add_tags\":"
            + " [\"nope\"]}, \"confirm\": true}|create_tag",
        "create_tag|{\"name\": \"MEETING\"}|already exists",
        "create_project|{\"name\": \"Website Redesign\"}|already exists",
        "create_project|{\"name\": \"New thing\", \"client\": \"Acme Crop\"}|closest",
        "create_client|{\"name\": \"globex\"}|already exists"
      })
  void aRefusedWriteSendsNothingAndSaysWhatToDo(String tool, String json, String says)
      throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> args = new ObjectMapper().readValue(json, Map.class);
    int before = simulator().nonGetV9();
    CallToolResult r = call(tool, args);
    assertThat(r.isError()).as(text(r)).isTrue();
    assertThat(text(r)).contains(says).doesNotContain("Exception");
    assertThat(simulator().nonGetV9()).as("writes sent for " + text(r)).isEqualTo(before);
  }

  @Test
  void anOverlapIsNamedWithIdsAndLocalTimesAndAllowOverlapInsists() {
    World.Entry other =
        world.liveEntries().stream()
            .filter(e -> !e.running())
            .filter(e -> LocalDate.ofInstant(e.start(), BERLIN).equals(LocalDate.of(2026, 11, 10)))
            .findFirst()
            .orElseThrow();
    String start = other.start().plusSeconds(600).atZone(BERLIN).toLocalDateTime().toString();
    Map<String, Object> args = new HashMap<>(Map.of("start", start, "duration", "20m"));
    int before = simulator().nonGetV9();
    CallToolResult refused = call("create_time_entry", args);
    assertThat(refused.isError()).isTrue();
    assertThat(text(refused))
        .contains("id " + other.id())
        .contains(other.start().atZone(BERLIN).toOffsetDateTime().toString().substring(0, 16))
        .contains("allow_overlap");
    assertThat(simulator().nonGetV9()).isEqualTo(before);
    args.put("allow_overlap", true);
    assertThat(requestsOf(() -> data(call("create_time_entry", args))))
        .isEqualTo(Map.of(CREATE, 1));
  }

  @Test
  void aWorkspaceRuleIsCheckedBeforeSending() {
    World.Workspace northwind =
        world.workspaces().stream()
            .filter(w -> w.name().equals("Northwind Agency"))
            .findFirst()
            .orElseThrow();
    int before = simulator().nonGetV9();
    CallToolResult r =
        call(
            "create_time_entry",
            Map.of(
                "workspace_id", northwind.id(),
                "description", "Call",
                "start", "2026-11-05T05:00",
                "duration", "15m"));
    assertThat(r.isError()).isTrue();
    assertThat(text(r)).contains("Northwind Agency requires a project").contains("project");
    assertThat(simulator().nonGetV9()).isEqualTo(before);
  }

  @Test
  void anUpdateAnswersBeforeAndAfterAndReadsShowItWithoutAskingToggl() {
    World.Entry e = firstEntryOn(5);
    Map<String, Object>[] edited = new Map[1];
    Map<String, Integer> sent =
        requestsOf(
            () ->
                edited[0] =
                    data(
                        call(
                            "update_time_entry",
                            Map.of(
                                "time_entry_id",
                                e.id(),
                                "description",
                                "Renamed call",
                                "add_tags",
                                List.of("review"),
                                "billable",
                                true))));
    assertThat(sent).isEqualTo(Map.of("PUT /api/v9/workspaces/{id}/time_entries/{id}", 1));
    assertThat(map(edited[0].get("before"))).containsEntry("description", e.description());
    assertThat(map(edited[0].get("after")))
        .containsEntry("description", "Renamed call")
        .containsEntry("billable", true);
    assertThat((List<Object>) map(edited[0].get("after")).get("tags")).contains("review");
    assertThat((List<?>) edited[0].get("changed")).isNotEmpty();
    assertThat(
            requestsOf(
                () -> {
                  assertThat(
                          map(
                              data(call("get_time_entry_details", Map.of("time_entry_id", e.id())))
                                  .get("entry")))
                      .containsEntry("description", "Renamed call");
                  CallToolResult same =
                      call(
                          "update_time_entry",
                          Map.of("time_entry_id", e.id(), "description", "Renamed call"));
                  assertThat(same.isError()).isTrue();
                  assertThat(text(same)).contains("nothing was sent");
                }))
        .isEmpty();
  }
}
