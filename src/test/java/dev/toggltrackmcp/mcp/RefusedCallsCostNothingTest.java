package dev.toggltrackmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toggltrackmcp.config.Settings;
import dev.toggltrackmcp.testing.SimulatedWorld;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SECURITY.md's promise, counted: everything that can be checked without Toggl data is checked
 * first, so a bad call to a server that has fetched nothing yet costs no Toggl request. One row per
 * kind of argument problem per tool, each against its own cold server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class RefusedCallsCostNothingTest {
  private final SimulatedWorld sim = new SimulatedWorld();
  private final Set<String> toolsTried = new TreeSet<>();

  @AfterAll
  void everyToolWasTriedAndTheWorldCloses() {
    assertThat(toolsTried)
        .containsExactlyInAnyOrderElementsOf(
            sim.server(writing()).tools().toolList().stream().map(McpSchema.Tool::name).toList());
    sim.close();
  }

  /** Every tool is listed, the write tools too. */
  private Settings writing() {
    return sim.settings().withWriteEnabled(true);
  }

  /** The control: the same server answering a good call does ask Toggl, and the count sees it. */
  @Test
  void aGoodCallOnAColdServerDoesCostRequests() {
    TogglTools cold = sim.server(sim.settings()).tools();
    int before = sim.requests();
    assertThat(cold.call("get_time_summary", Map.of("period", "whenever")).isError()).isTrue();
    assertThat(cold.call("get_time_summary", Map.of("period", "today")).isError()).isFalse();
    assertThat(sim.requests() - before).as("the counter sees the cold sync").isPositive();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "get_current_user|{\"verbose\": true}|verbose",
        "get_current_time_entry|{\"workspace_id\": 1}|workspace_id",
        "list_workspaces|{\"query\": \"x\"}|query",
        // list_time_entries: every argument family
        "list_time_entries|{\"colour\": \"red\"}|colour",
        "list_time_entries|{\"period\": \"whenever\"}|period",
        "list_time_entries|{\"period\": 7}|period",
        "list_time_entries|{\"period\": \"today\", \"start_date\": \"2026-11-01\"}|period",
        "list_time_entries|{\"end_date\": \"2026-11-01\"}|end_date",
        "list_time_entries|{\"start_date\": \"2026-13-45\"}|start_date",
        "list_time_entries|{\"start_date\": \"2026-11-10\", \"end_date\": \"2026-11-01\"}|end_date",
        "list_time_entries|{\"start_date\": \"2026-11-10T10:00:00+01:00\", \"end_date\":"
            + " \"2026-11-10T08:00:00Z\"}|end_date",
        "list_time_entries|{\"start_date\": \"2010-01-01\", \"end_date\": \"2026-01-01\"}|start_date",
        "list_time_entries|{\"start_date\": \"2027-01-01\"}|start_date",
        "list_time_entries|{\"project\": 1.5}|project",
        "list_time_entries|{\"project\": -3}|project",
        "list_time_entries|{\"client\": true}|client",
        "list_time_entries|{\"client\": \"a\\u0000b\"}|client",
        "list_time_entries|{\"tags\": [1.5]}|tags",
        "list_time_entries|{\"tags\": {\"a\": 1}}|tags",
        "list_time_entries|{\"tags\": [\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\"]}"
            + "|tags",
        "list_time_entries|{\"billable\": \"yes\"}|billable",
        "list_time_entries|{\"workspace_id\": 0}|workspace_id",
        "list_time_entries|{\"workspace_id\": \"Lima\"}|workspace_id",
        "list_time_entries|{\"limit\": -5}|limit",
        "list_time_entries|{\"limit\": \"many\"}|limit",
        "list_time_entries|{\"offset\": -1}|offset",
        // get_time_entry_details
        "get_time_entry_details|{}|time_entry_id",
        "get_time_entry_details|{\"time_entry_id\": -5}|time_entry_id",
        "get_time_entry_details|{\"time_entry_id\": \"abc\"}|time_entry_id",
        "get_time_entry_details|{\"time_entry_id\": 1, \"verbose\": true}|verbose",
        // search_time_entries
        "search_time_entries|{}|query",
        "search_time_entries|{\"period\": \"this_month\"}|query",
        "search_time_entries|{\"search_in\": [\"description\"], \"tags\": [\"x\"]}|search_in",
        "search_time_entries|{\"query\": \"x\", \"search_in\": [\"notes\"]}|search_in",
        "search_time_entries|{\"query\": \"x\", \"search_in\": []}|search_in",
        "search_time_entries|{\"query\": 42}|query",
        "search_time_entries|{\"query\": \"x\", \"period\": \"soon\"}|period",
        "search_time_entries|{\"query\": \"x\", \"start_date\": \"next week\"}|start_date",
        "search_time_entries|{\"query\": \"x\", \"limit\": 5000}|limit",
        "search_time_entries|{\"tags\": [true]}|tags",
        "search_time_entries|{\"query\": \"x\", \"colour\": \"red\"}|colour",
        // list_projects
        "list_projects|{\"status\": \"bogus\"}|status",
        "list_projects|{\"client\": 1.5}|client",
        "list_projects|{\"query\": [\"x\"]}|query",
        "list_projects|{\"workspace_id\": -1}|workspace_id",
        "list_projects|{\"limit\": 0}|limit",
        "list_projects|{\"offset\": 2000000}|offset",
        "list_projects|{\"colour\": \"red\"}|colour",
        // list_clients
        "list_clients|{\"status\": \"deleted\"}|status",
        "list_clients|{\"query\": 3}|query",
        "list_clients|{\"workspace_id\": 1.5}|workspace_id",
        "list_clients|{\"limit\": 1001}|limit",
        "list_clients|{\"client\": \"Globex\"}|client",
        // list_tags
        "list_tags|{\"query\": {}}|query",
        "list_tags|{\"workspace_id\": \"x\"}|workspace_id",
        "list_tags|{\"offset\": 1.5}|offset",
        "list_tags|{\"status\": \"all\"}|status",
        // get_time_summary
        "get_time_summary|{\"group_by\": [\"planet\"]}|group_by",
        "get_time_summary|{\"group_by\": 3}|group_by",
        "get_time_summary|{\"period\": \"whenever\"}|period",
        "get_time_summary|{\"start_date\": \"01/11/2026\"}|start_date",
        "get_time_summary|{\"start_date\": \"2026-11-10\", \"end_date\": \"2026-11-09\"}|end_date",
        "get_time_summary|{\"start_date\": \"2026-12-01\"}|start_date",
        "get_time_summary|{\"start_date\": \"2016-01-01\", \"end_date\": \"2026-01-01\"}|start_date",
        "get_time_summary|{\"client\": {\"id\": 1}}|client",
        "get_time_summary|{\"project\": false}|project",
        "get_time_summary|{\"tags\": [\"\"]}|tags",
        "get_time_summary|{\"billable\": 1}|billable",
        "get_time_summary|{\"workspace_id\": 9007199254740992}|workspace_id",
        "get_time_summary|{\"limit\": 5}|limit",
        // check_timesheet
        "check_timesheet|{\"period\": \"this_year\"}|period",
        "check_timesheet|{\"period\": \"someday\"}|period",
        "check_timesheet|{\"start_date\": \"2026-01-01\", \"end_date\": \"2026-06-30\"}|start_date",
        "check_timesheet|{\"start_date\": \"2026-06-01T00:00:00Z\"}|start_date",
        "check_timesheet|{\"workspace_id\": \"Lima\"}|workspace_id",
        "check_timesheet|{\"project\": \"Website\"}|project",
        // get_time_chart
        "get_time_chart|{\"group_by\": \"tag\"}|group_by",
        "get_time_chart|{\"group_by\": [\"day\"]}|group_by",
        "get_time_chart|{\"stack_by\": \"tag\"}|stack_by",
        "get_time_chart|{\"group_by\": \"project\", \"stack_by\": \"project\"}|stack_by",
        "get_time_chart|{\"period\": \"this_year\"}|period",
        "get_time_chart|{\"start_date\": \"2026-01-01\", \"end_date\": \"2026-06-30\"}|start_date",
        "get_time_chart|{\"billable\": \"yes\"}|billable",
        "get_time_chart|{\"width\": 2000}|width",
        // get_api_quota
        "get_api_quota|{\"refresh\": \"yes\"}|refresh",
        "get_api_quota|{\"workspace_id\": 1}|workspace_id",
        // list_workspace_users
        "list_workspace_users|{\"workspace_id\": \"Lima\"}|workspace_id",
        "list_workspace_users|{\"users\": [\"Ana\"]}|users",
        // get_team_time_entries
        "get_team_time_entries|{\"users\": [1.5]}|users",
        "get_team_time_entries|{\"users\": [\"\"]}|users",
        "get_team_time_entries|{\"users\": {\"name\": \"Ana\"}}|users",
        "get_team_time_entries|{\"period\": \"fortnight\"}|period",
        "get_team_time_entries|{\"description\": 7}|description",
        "get_team_time_entries|{\"limit\": 0}|limit",
        "get_team_time_entries|{\"group_by\": [\"user\"]}|group_by",
        "get_team_time_entries|{\"start_date\": \"2016-01-01\", \"end_date\": \"2026-01-01\"}"
            + "|start_date",
        // get_team_summary
        "get_team_summary|{\"group_by\": [\"description\"]}|group_by",
        "get_team_summary|{\"group_by\": [\"billable\"]}|group_by",
        "get_team_summary|{\"users\": [-4]}|users",
        "get_team_summary|{\"billable\": \"no\"}|billable",
        "get_team_summary|{\"workspace_id\": 0}|workspace_id",
        "get_team_summary|{\"description\": \"x\"}|description",
        "get_team_summary|{\"start_date\": \"2027-02-01\"}|start_date",
        // start_time_entry
        "start_time_entry|{\"stop\": \"2026-11-25T11:00\"}|stop",
        "start_time_entry|{\"start\": \"2026-11-25\"}|start",
        "start_time_entry|{\"start\": \"soon\"}|start",
        "start_time_entry|{\"tags\": [1.5]}|tags",
        "start_time_entry|{\"allow_overlap\": \"yes\"}|allow_overlap",
        // stop_time_entry
        "stop_time_entry|{\"time_entry_id\": -1}|time_entry_id",
        "stop_time_entry|{\"id\": 4100012345}|id",
        // create_time_entry
        "create_time_entry|{\"start\": \"2026-11-24\", \"duration\": \"1h\"}|start",
        "create_time_entry|{\"start\": \"2026-11-24T09:00\", \"duration\": 0}|duration",
        "create_time_entry|{\"start\": \"2026-11-24T09:00\", \"duration\": \"-1h\"}|duration",
        "create_time_entry|{\"start\": \"2026-11-24T09:00\", \"duration\": \"forever\"}|duration",
        "create_time_entry|{\"start\": \"2026-11-24T09:00\", \"duration\": 60000}|duration",
        "create_time_entry|{\"start\": \"2026-11-24T09:00\", \"start_time\":"
            + " \"2026-11-24T09:00\", \"duration\": 5}|start_time",
        "create_time_entry|{\"start\": \"2026-11-24T09:00\", \"duration\": 5,"
            + " \"duration_minutes\": 5}|duration_minutes",
        "create_time_entry|{\"project\": \"Website\", \"project_id\": 1, \"duration\": 5}"
            + "|project_id",
        "create_time_entry|{\"project_id\": \"Website\"}|project_id",
        "create_time_entry|{\"duration_minutes\": \"1h\", \"start_time\": []}|start_time",
        "create_time_entry|{\"description\": 42}|description",
        "create_time_entry|{\"end\": \"2026-11-24T10:00\"}|end",
        // update_time_entry
        "update_time_entry|{\"description\": \"x\"}|time_entry_id",
        "update_time_entry|{\"time_entry_id\": 4100012345}|time_entry_id",
        "update_time_entry|{\"time_entry_id\": 4100012345, \"project\": \"X\","
            + " \"remove_project\": true}|remove_project",
        "update_time_entry|{\"time_entry_id\": 4100012345, \"tags\": [\"a\"], \"add_tags\":"
            + " [\"b\"]}|tags",
        "update_time_entry|{\"time_entry_id\": 4100012345, \"stop\": \"2026-11-24\"}|stop",
        "update_time_entry|{\"time_entry_id\": 4100012345, \"duration\": -5}|duration",
        "update_time_entry|{\"time_entry_id\": 4100012345, \"tag\": \"a\"}|tag",
        // delete_time_entry
        "delete_time_entry|{}|time_entry_id",
        "delete_time_entry|{\"time_entry_id\": 4100012345, \"confirm\": \"yes\"}|confirm",
        "delete_time_entry|{\"time_entry_ids\": [4100012345]}|time_entry_ids",
        // bulk_update_time_entries
        "bulk_update_time_entries|{\"changes\": {\"billable\": true}}|period",
        "bulk_update_time_entries|{\"project\": \"Website\", \"changes\": {\"billable\":"
            + " true}}|period",
        "bulk_update_time_entries|{\"time_entry_ids\": [1], \"period\": \"today\", \"changes\":"
            + " {\"billable\": true}}|time_entry_ids",
        "bulk_update_time_entries|{\"time_entry_ids\": [1.5], \"changes\": {}}|time_entry_ids",
        "bulk_update_time_entries|{\"time_entry_ids\": [1]}|changes",
        "bulk_update_time_entries|{\"time_entry_ids\": [1], \"changes\": \"billable\"}|changes",
        "bulk_update_time_entries|{\"time_entry_ids\": [1], \"changes\": {}}|changes",
        "bulk_update_time_entries|{\"time_entry_ids\": [1], \"changes\": {\"start\":"
            + " \"2026-11-24T09:00\"}}|changes.start",
        "bulk_update_time_entries|{\"time_entry_ids\": [1], \"changes\": {\"billable\": 1}}"
            + "|changes.billable",
        "bulk_update_time_entries|{\"period\": \"whenever\", \"changes\": {\"billable\":"
            + " true}}|period",
        "bulk_update_time_entries|{\"time_entry_ids\": [1], \"changes\": {\"billable\": true},"
            + " \"confirm\": 1}|confirm",
        // create_tag, create_project, create_client
        "create_tag|{}|name",
        "create_tag|{\"name\": \"   \"}|name",
        "create_tag|{\"name\": 7}|name",
        "create_tag|{\"name\": \"q1\", \"workspace_id\": \"Lima\"}|workspace_id",
        "create_project|{\"name\": \"Website 2\", \"client\": 1.5}|client",
        "create_project|{\"name\": \"Website 2\", \"color\": \"red\"}|color",
        "create_client|{\"name\": \""
            + "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
            + "\"}|name",
        "create_client|{\"name\": \"Acme\", \"notes\": \"x\"}|notes"
      })
  void aBadCallIsRefusedBeforeAnyDataIsAskedFor(String tool, String json, String argument)
      throws Exception {
    toolsTried.add(tool);
    @SuppressWarnings("unchecked")
    Map<String, Object> args = new ObjectMapper().readValue(json, Map.class);
    TogglTools cold = sim.server(writing()).tools();
    int before = sim.requests();
    McpSchema.CallToolResult r = cold.call(tool, args);
    String text = ((McpSchema.TextContent) r.content().get(0)).text();
    assertThat(r.isError()).as(text).isTrue();
    assertThat(text).startsWith("Invalid argument " + argument + ": ");
    assertThat(sim.requests() - before).as("Toggl requests for " + text).isZero();
  }
}
