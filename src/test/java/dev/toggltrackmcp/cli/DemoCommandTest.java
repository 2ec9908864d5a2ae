package dev.toggltrackmcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's first command: the guided tour answers every question and exits 0. */
class DemoCommandTest {
  @Test
  void theTourAnswersEveryQuestionWithoutAToken() {
    CommandRun command = new CommandRun();
    assertThat(command.run(Map.of(), "demo", "--at", "2026-11-25T09:00:00Z")).isZero();
    String tour = command.out();
    assertThat(tour.lines().filter(l -> l.startsWith("Q: "))).hasSize(14);
    assertThat(tour)
        .contains("Running for 0:47")
        .contains("Toggl API requests for all 14 questions")
        .contains("claude mcp add")
        // the arguments as the tour wrote them, the same every run
        .contains(
            "→ get_time_summary {\"period\":\"this_month\",\"billable\":true,"
                + "\"group_by\":[\"client\"]}")
        .contains(
            "→ search_time_entries {\"query\":\"meeting\",\"period\":\"this_quarter\","
                + "\"limit\":5}")
        .contains("→ get_team_summary")
        .contains("Team total")
        .contains("for the team question")
        // the timesheet check finds what the simulator planted last week
        .contains("→ check_timesheet {\"period\":\"last_week\"}")
        .contains("8 findings")
        // loading old history shows the progress a client hears
        .containsPattern("\\[progress\\] Loading your history before \\d{4}-\\d{2}-\\d{2}")
        .doesNotContain("Invalid argument");
  }

  @Test
  void withWriteTheTourChangesThingsOnceEachAndReadsThemBackForFree() {
    CommandRun command = new CommandRun();
    assertThat(command.run(Map.of(), "demo", "--write", "--at", "2026-11-25T10:40:00Z")).isZero();
    String tour = command.out();
    assertThat(tour)
        .contains("→ stop_time_entry {}")
        .contains("Stopped: Implement login page")
        .contains("Logged: Client workshop")
        .contains("would overlap")
        .contains("Nothing was sent.")
        .contains("Started: Design review")
        .contains("Preview, nothing was deleted.")
        .contains("Deleted: ")
        .contains("7 findings")
        .contains("Toggl API requests for the writes: 4 — 4 changes, each sent once;");
  }
}
