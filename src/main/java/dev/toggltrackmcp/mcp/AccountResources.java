package dev.toggltrackmcp.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.toggltrackmcp.arguments.Arguments;
import dev.toggltrackmcp.arguments.Paging;
import dev.toggltrackmcp.toggl.TogglJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON resources: who the user is, workspaces, projects, what runs now and a period's summary.
 * Each is the structured result of the read tool that answers the same question, so a resource and
 * a tool never disagree, and each costs what that tool costs (nothing while the cache is fresh).
 */
final class AccountResources {
  static final String ME = "toggl://me";
  static final String WORKSPACES = "toggl://workspaces";
  static final String PROJECTS = "toggl://projects";
  static final String PROJECTS_IN_WORKSPACE = "toggl://projects/{workspace_id}";
  static final String CURRENT_ENTRY = "toggl://current-entry";
  static final String SUMMARY = "toggl://summary/{period}";
  private static final String JSON = "application/json";

  private final List<ToolDefinition> served;
  private final Completions completions;

  AccountResources(ToolContext ctx, List<ToolDefinition> served) {
    this.served = served;
    this.completions = new Completions(ctx);
  }

  List<ResourceDefinition> definitions() {
    return List.of(
        plain(
            ME,
            "me",
            "Who am I",
            "The Toggl user: name, email, timezone, week start, default workspace and workspaces"
                + " (as get_current_user answers; never the token).",
            v -> tool("get_current_user", Map.of())),
        plain(
            WORKSPACES,
            "workspaces",
            "Workspaces",
            "Workspaces with their currency, default hourly rate, rounding and your role (as"
                + " list_workspaces answers).",
            v -> tool("list_workspaces", Map.of())),
        plain(
            PROJECTS,
            "projects",
            "Active projects",
            "Every active project of every workspace, with its client, rate and billable default"
                + " (as list_projects answers, all pages). One workspace:"
                + " toggl://projects/{workspace_id}.",
            v -> allProjects(PromptSteps.args("status", "active"))),
        new ResourceDefinition(
            PROJECTS_IN_WORKSPACE,
            "workspace_projects",
            "Active projects of a workspace",
            "Every active project of one workspace (ids from toggl://workspaces), with its client,"
                + " rate and billable default. Example: toggl://projects/7654321.",
            JSON,
            false,
            Map.of("workspace_id", completions.workspaceIds()),
            v ->
                allProjects(
                    PromptSteps.args("status", "active", "workspace_id", v.get("workspace_id")))),
        new ResourceDefinition(
            CURRENT_ENTRY,
            "current_entry",
            "What is running now",
            "The running time entry with its elapsed time, or running: false (as"
                + " get_current_time_entry answers); subscribe to hear when it starts, stops or"
                + " changes.",
            JSON,
            true,
            Map.of(),
            v -> tool("get_current_time_entry", Map.of())),
        new ResourceDefinition(
            SUMMARY,
            "summary",
            "Time summary of a period",
            "Total and billable time, billable amounts per currency and breakdowns by project,"
                + " client and tag for a named period (as get_time_summary answers). Examples:"
                + " toggl://summary/last_week, toggl://summary/this_month.",
            JSON,
            false,
            Map.of("period", Completions.periods()),
            v -> tool("get_time_summary", PromptSteps.args("period", v.get("period")))));
  }

  private static ResourceDefinition plain(
      String uri, String name, String title, String description, ResourceDefinition.Reader r) {
    return new ResourceDefinition(uri, name, title, description, JSON, false, Map.of(), r);
  }

  /** The tool's structured result as JSON; its argument errors surface as they are. */
  private ResourceDefinition.Content tool(String name, Map<String, Object> arguments) {
    return json(structured(name, arguments));
  }

  /** list_projects page after page (all from the cache), as one list. */
  @SuppressWarnings("unchecked")
  private ResourceDefinition.Content allProjects(Map<String, Object> arguments) {
    Map<String, Object> args = new LinkedHashMap<>(arguments);
    args.put("limit", Paging.LARGEST_LIMIT);
    Map<String, Object> first = structured("list_projects", args);
    List<Object> projects = new ArrayList<>((List<Object>) first.get("projects"));
    Map<String, Object> page = first;
    while (Boolean.TRUE.equals(page.get("has_more"))) {
      args.put("offset", page.get("next_offset"));
      page = structured("list_projects", args);
      projects.addAll((List<Object>) page.get("projects"));
    }
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("total", projects.size());
    all.put("projects", projects);
    all.put("data_as_of", first.get("data_as_of"));
    if (first.containsKey("note")) {
      all.put("note", first.get("note"));
    }
    return json(all);
  }

  private Map<String, Object> structured(String name, Map<String, Object> arguments) {
    ToolDefinition t =
        PromptSteps.served(served, name)
            .orElseThrow(() -> new IllegalStateException(name + " is not served"));
    return t.handler().answer(new Arguments(arguments, t.arguments().names())).structured();
  }

  private static ResourceDefinition.Content json(Map<String, Object> structured) {
    try {
      return new ResourceDefinition.Content(
          TogglJson.mapper().writeValueAsString(structured),
          (String) structured.get("data_as_of"),
          (String) structured.get("note"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a structured result did not serialise", e);
    }
  }
}
