package dev.toggltrackmcp.arguments;

import static dev.toggltrackmcp.testing.TwinAccount.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toggltrackmcp.store.TimeEntryWrites.EntryEdit;
import dev.toggltrackmcp.store.TimeEntryWrites.NewEntry;
import dev.toggltrackmcp.testing.TwinAccount;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The arguments of the write tools, read and resolved in the user's zone (Europe/Berlin): times
 * with and without offsets, both DST nights of 2026, the original server's names, and names that
 * resolve to existing things only.
 */
class WriteArgumentsTest {
  /** Wednesday 2026-11-25 10:00 in Berlin. */
  private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

  private static final List<String> CREATE =
      List.of(
          "description",
          "project",
          "task",
          "tags",
          "billable",
          "workspace_id",
          "start",
          "stop",
          "duration",
          "project_id",
          "start_time",
          "duration_minutes",
          "allow_overlap");

  private static final List<String> UPDATE =
      List.of(
          "time_entry_id",
          "description",
          "project",
          "remove_project",
          "task",
          "remove_task",
          "tags",
          "add_tags",
          "remove_tags",
          "billable",
          "start",
          "stop",
          "duration",
          "allow_overlap");

  private final Account account = TwinAccount.create();

  @SuppressWarnings("unchecked")
  private static Arguments args(String json, List<String> known) throws Exception {
    return new Arguments(new ObjectMapper().readValue(json, Map.class), known);
  }

  private NewEntry create(String json) throws Exception {
    return NewEntryQuery.forCreate(args(json, CREATE)).resolve(account, null, false, NOW);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // local times are Berlin's; +01:00 in November
        "{\"start\": \"2026-11-24T14:00\", \"duration\": \"1h30m\"}"
            + "|2026-11-24T13:00:00Z|2026-11-24T14:30:00Z",
        "{\"start\": \"2026-11-24T14:00\", \"duration\": 90}|2026-11-24T13:00:00Z|2026-11-24T14:30:00Z",
        "{\"start\": \"2026-11-24T14:00\", \"stop\": \"2026-11-24T15:15\"}"
            + "|2026-11-24T13:00:00Z|2026-11-24T14:15:00Z",
        "{\"start\": \"2026-11-24T14:00:00+00:00\", \"stop\": \"2026-11-24T15:00\"}"
            + "|2026-11-24T14:00:00Z|2026-11-24T14:00:00Z!",
        "{\"start_time\": \"2026-11-24T16:00:00+01:00\", \"duration_minutes\": 45}"
            + "|2026-11-24T15:00:00Z|2026-11-24T15:45:00Z",
        "{\"stop\": \"2026-11-24T12:00\", \"duration\": \"2h\"}|2026-11-24T09:00:00Z|2026-11-24T11:00:00Z",
        "{\"start\": \"2026-11-24T14:00\", \"stop\": \"2026-11-24T15:00\", \"duration\": \"1:00\"}"
            + "|2026-11-24T13:00:00Z|2026-11-24T14:00:00Z",
        // spring forward: 2026-03-29 02:00 → 03:00, a 23-hour day
        "{\"start\": \"2026-03-29T01:00\", \"stop\": \"2026-03-29T04:00\"}"
            + "|2026-03-29T00:00:00Z|2026-03-29T02:00:00Z",
        // fall back: 2026-10-25 03:00 → 02:00, a 25-hour day
        "{\"start\": \"2026-10-25T00:30\", \"stop\": \"2026-10-25T04:30\"}"
            + "|2026-10-24T22:30:00Z|2026-10-25T03:30:00Z",
        "{\"start\": \"2026-10-25T02:30:00+02:00\", \"duration\": \"1h\"}"
            + "|2026-10-25T00:30:00Z|2026-10-25T01:30:00Z"
      })
  void oneIntervalFromAnyOfItsSpellings(String json, Instant start, String stop) throws Exception {
    if (stop.endsWith("!")) {
      // an exact start against a local stop that falls before it
      assertThatThrownBy(() -> create(json))
          .isInstanceOf(InvalidArgument.class)
          .hasMessageContaining("stop must come after the start");
      return;
    }
    NewEntry e = create(json);
    assertThat(e.start()).isEqualTo(start);
    assertThat(e.stop()).isEqualTo(Instant.parse(stop));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"start\": \"2026-11-25T09:00\", \"duration\": \"2h\"}|stop|in the future",
        "{\"start\": \"2026-11-26T09:00\", \"duration\": \"1h\"}|start|in the future",
        "{\"start\": \"2026-11-24T10:00\", \"stop\": \"2026-11-24T09:00\"}|stop|end before it starts",
        "{\"start\": \"2026-11-24T10:00\", \"stop\": \"2026-11-24T10:00\"}|duration|zero seconds",
        "{\"start\": \"2026-11-24T10:00\", \"stop\": \"2026-11-24T11:00\", \"duration\": \"2h\"}"
            + "|duration|disagree",
        "{\"start\": \"2026-11-24T10:00\"}|stop|start_time_entry",
        "{\"duration\": \"1h\"}|start|started",
        "{\"start\": \"2026-11-24\", \"duration\": \"1h\"}|start|time of day",
        "{\"start\": \"2026-03-29T02:30\", \"duration\": \"1h\"}|start|clocks jump from 02:00 to 03:00",
        "{\"start\": \"2026-10-25T02:30\", \"duration\": \"1h\"}|start|2026-10-25T02:30+02:00",
        "{\"start\": \"2026-11-24T10:00\", \"duration\": 0}|duration|above zero",
        "{\"start\": \"2026-11-24T10:00\", \"duration\": -30}|duration|above zero",
        "{\"start\": \"2026-11-24T10:00\", \"duration\": \"-1h\"}|duration|not a duration",
        "{\"start\": \"2026-11-24T10:00\", \"start_time\": \"2026-11-24T10:00\", \"duration\": 5}"
            + "|start_time|not both",
        "{\"start\": \"2026-11-24T10:00\", \"duration\": 5, \"duration_minutes\": 5}"
            + "|duration_minutes|not both",
        "{\"start\": \"2026-11-24T10:00\", \"duration\": 5, \"project\": 1, \"project_id\": 1}"
            + "|project_id|not both"
      })
  void aBadIntervalIsRefusedWithWhatToSend(String json, String argument, String says) {
    assertThatThrownBy(() -> create(json))
        .isInstanceOfSatisfying(
            InvalidArgument.class, e -> assertThat(e.argument()).isEqualTo(argument))
        .hasMessageContaining(says);
  }

  @Test
  void theFutureIsSaidInTheUsersTimeWithItsOffset() {
    assertThatThrownBy(() -> create("{\"start\": \"2026-11-25T09:00\", \"duration\": \"2h\"}"))
        .hasMessageContaining("2026-11-25T11:00:00+01:00 is in the future")
        .hasMessageContaining("it is now 2026-11-25T10:00:00+01:00");
  }

  @Test
  void namesResolveToWhatExistsWithTheProjectsWorkspace() throws Exception {
    NewEntry e =
        create(
            "{\"description\": \"Call\", \"project\": \"Website (Northwind Agency)\", \"tags\":"
                + " [\"MEETING\"], \"start\": \"2026-11-24T09:00\", \"duration\": \"30m\","
                + " \"billable\": true}");
    assertThat(e.workspaceId()).isEqualTo(NORTHWIND);
    assertThat(e.projectId()).isEqualTo(WEBSITE_NORTHWIND);
    assertThat(e.tags()).containsExactly("meeting");
    assertThat(e.billable()).isTrue();
    NewEntry home = create("{\"start\": \"2026-11-24T09:00\", \"duration\": \"30m\"}");
    assertThat(home.workspaceId()).as("the user's default workspace").isEqualTo(LIMA);
    assertThat(home.projectId()).isNull();
    NewEntry byTask = create("{\"task\": 8, \"start\": \"2026-11-24T09:00\", \"duration\": 10}");
    assertThat(byTask.projectId()).isEqualTo(WEBSITE_NORTHWIND);
    assertThat(byTask.workspaceId()).isEqualTo(NORTHWIND);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"project\": \"Websight\"}|project|closest: \"Website (Lima Consulting)\"",
        "{\"project\": \"Websight\"}|project|create it first with create_project",
        "{\"project\": \"Website\"}|project|Several projects",
        "{\"tags\": [\"meting\"]}|tags|closest: \"meeting",
        "{\"tags\": [\"meting\"]}|tags|create_tag",
        "{\"tags\": [\"design\"], \"workspace_id\": 20}|tags|must be in the entry's workspace",
        "{\"project\": \"Mobile App\", \"task\": 8}|task|must be in the entry's workspace",
        "{\"project\": \"Mobile App\", \"task\": 7}|task|belongs to project"
      })
  void aNameThatDoesNotFitIsRefusedNeverCreated(String extra, String argument, String says) {
    String json =
        extra.substring(0, extra.length() - 1)
            + ", \"start\": \"2026-11-24T09:00\", \"duration\": 10}";
    assertThatThrownBy(() -> create(json))
        .isInstanceOfSatisfying(
            InvalidArgument.class, e -> assertThat(e.argument()).isEqualTo(argument))
        .hasMessageContaining(says);
  }

  @Test
  void aTimerStartsNowOrInThePastNeverInTheFuture() throws Exception {
    List<String> known = List.of("description", "start", "tags");
    NewEntry now = NewEntryQuery.forStart(args("{}", known)).resolve(account, null, true, NOW);
    assertThat(now.start()).isEqualTo(NOW);
    assertThat(now.stop()).isNull();
    NewEntry earlier =
        NewEntryQuery.forStart(args("{\"start\": \"2026-11-25T09:30\"}", known))
            .resolve(account, null, true, NOW);
    assertThat(earlier.start()).isEqualTo(Instant.parse("2026-11-25T08:30:00Z"));
    assertThatThrownBy(
            () ->
                NewEntryQuery.forStart(args("{\"start\": \"2026-11-25T10:30\"}", known))
                    .resolve(account, null, true, NOW))
        .hasMessageContaining("in the future");
  }

  private static TimeEntry entry(Instant start, Instant stop, Long project, List<String> tags) {
    return new TimeEntry(
        41L,
        LIMA,
        project,
        null,
        false,
        start,
        stop,
        stop == null ? -1 : Duration.between(start, stop).getSeconds(),
        "Old",
        tags,
        List.of(),
        1L,
        null,
        null);
  }

  private EntryEditQuery.Resolved update(TimeEntry e, String json) throws Exception {
    return EntryEditQuery.forUpdate(args(json, UPDATE)).resolve(e, account, NOW);
  }

  @Test
  void anUpdateChangesOnlyWhatIsGivenAndShowsTheEntryAfter() throws Exception {
    TimeEntry e =
        entry(
            Instant.parse("2026-11-24T08:00:00Z"),
            Instant.parse("2026-11-24T09:00:00Z"),
            WEBSITE_LIMA,
            List.of("design"));
    EntryEditQuery.Resolved r =
        update(e, "{\"time_entry_id\": 41, \"add_tags\": [\"Meeting\"], \"billable\": true}");
    assertThat(r.edit())
        .isEqualTo(
            new EntryEdit(
                null,
                null,
                false,
                null,
                false,
                true,
                null,
                null,
                null,
                List.of("meeting"),
                List.of()));
    assertThat(r.after().tags()).containsExactly("design", "meeting");
    assertThat(r.after().billable()).isTrue();
    assertThat(r.after().start()).isEqualTo(e.start());

    EntryEditQuery.Resolved moved =
        update(e, "{\"time_entry_id\": 41, \"start\": \"2026-11-24T08:30\"}");
    assertThat(moved.after().start()).isEqualTo(Instant.parse("2026-11-24T07:30:00Z"));
    assertThat(moved.after().stop()).as("a new start keeps the stop").isEqualTo(e.stop());
    assertThat(moved.after().duration()).isEqualTo(5400);

    EntryEditQuery.Resolved cleared =
        update(
            e,
            "{\"time_entry_id\": 41, \"remove_project\": true, \"tags\": [], \"description\": \"\"}");
    assertThat(cleared.edit().clearProject()).isTrue();
    assertThat(cleared.edit().tags()).isEmpty();
    assertThat(cleared.after().projectId()).isNull();
    assertThat(cleared.after().tags()).isEmpty();
    assertThat(cleared.after().description()).isEmpty();
  }

  @Test
  void aRunningEntryIsStoppedByAStopOrADurationNotInTheFuture() throws Exception {
    TimeEntry running = entry(Instant.parse("2026-11-25T08:00:00Z"), null, null, List.of());
    EntryEditQuery.Resolved r = update(running, "{\"time_entry_id\": 41, \"duration\": \"30m\"}");
    assertThat(r.after().stop()).isEqualTo(Instant.parse("2026-11-25T08:30:00Z"));
    assertThatThrownBy(() -> update(running, "{\"time_entry_id\": 41, \"duration\": \"2h\"}"))
        .hasMessageContaining("in the future");
    EntryEditQuery.Resolved moved =
        update(running, "{\"time_entry_id\": 41, \"start\": \"2026-11-25T08:45\"}");
    assertThat(moved.after().isRunning()).isTrue();
    assertThat(moved.edit().stop()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"time_entry_id\": 41}|time_entry_id|Say what to change",
        "{\"time_entry_id\": 41, \"project\": \"Mobile App\", \"remove_project\": true}"
            + "|remove_project|not both",
        "{\"time_entry_id\": 41, \"tags\": [\"design\"], \"add_tags\": [\"meeting\"]}|tags|replaces",
        "{\"time_entry_id\": 41, \"project\": \"Website (Northwind Agency)\"}|project|another workspace",
        "{\"time_entry_id\": 41, \"add_tags\": [\"nope\"]}|add_tags|create_tag",
        "{\"time_entry_id\": 41, \"stop\": \"2026-11-24T07:00\"}|stop|end before it starts"
      })
  void aBadUpdateIsRefused(String json, String argument, String says) {
    TimeEntry e =
        entry(
            Instant.parse("2026-11-24T08:00:00Z"),
            Instant.parse("2026-11-24T09:00:00Z"),
            null,
            List.of());
    assertThatThrownBy(() -> update(e, json))
        .isInstanceOfSatisfying(
            InvalidArgument.class, x -> assertThat(x.argument()).isEqualTo(argument))
        .hasMessageContaining(says);
  }

  @Test
  void bulkNeedsIdsOrAPeriodAndChangesAndNamesNestedProblems() throws Exception {
    List<String> known =
        List.of(
            "time_entry_ids",
            "period",
            "start_date",
            "end_date",
            "workspace_id",
            "project",
            "client",
            "tags",
            "billable",
            "query",
            "changes",
            "confirm");
    assertThatThrownBy(
            () -> BulkQuery.read(args("{\"changes\": {\"billable\": true}}", known), NOW))
        .hasMessageContaining("Say which entries");
    assertThatThrownBy(
            () ->
                BulkQuery.read(
                    args("{\"project\": \"Website\", \"changes\": {\"billable\": true}}", known),
                    NOW))
        .as("a filter without a period selects nothing")
        .hasMessageContaining("Say which entries");
    assertThatThrownBy(
            () ->
                BulkQuery.read(
                    args("{\"time_entry_ids\": [1], \"period\": \"today\"}", known), NOW))
        .hasMessageContaining("not both");
    assertThatThrownBy(() -> BulkQuery.read(args("{\"time_entry_ids\": [1]}", known), NOW))
        .hasMessageContaining("changes is required");
    assertThatThrownBy(
            () ->
                BulkQuery.read(
                    args("{\"time_entry_ids\": [1], \"changes\": {\"colour\": \"red\"}}", known),
                    NOW))
        .isInstanceOfSatisfying(
            InvalidArgument.class, e -> assertThat(e.argument()).isEqualTo("changes.colour"));
    BulkQuery q =
        BulkQuery.read(
            args(
                "{\"period\": \"last_week\", \"query\": \"support\", \"changes\": {\"billable\":"
                    + " true}, \"confirm\": true}",
                known),
            NOW);
    assertThat(q.confirm()).isTrue();
    assertThat(q.selection(account, null, NOW).range().firstDay()).hasToString("2026-11-16");
  }
}
