package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.store.TeamData;
import dev.toggltrackmcp.store.TimeEntryWrites;
import dev.toggltrackmcp.store.TogglData;
import dev.toggltrackmcp.toggl.TogglClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Every tool, in the order clients list them; write tools are filtered out unless enabled. */
public final class ToolRegistry {
  private final List<ToolDefinition> tools;
  private final ToolContext ctx;

  public ToolRegistry(
      TogglData data, TogglClient client, Clock clock, @Nullable Long configuredWorkspace) {
    this(data, client, null, clock, configuredWorkspace);
  }

  public ToolRegistry(
      TogglData data,
      TogglClient client,
      @Nullable TeamData team,
      Clock clock,
      @Nullable Long configuredWorkspace) {
    this(data, client, team, null, clock, configuredWorkspace);
  }

  /** Every tool; the write tools act through {@code writes} (listed only when enabled). */
  public ToolRegistry(
      TogglData data,
      TogglClient client,
      @Nullable TeamData team,
      @Nullable TimeEntryWrites writes,
      Clock clock,
      @Nullable Long configuredWorkspace) {
    this.ctx = new ToolContext(data, client, team, writes, clock, configuredWorkspace);
    List<ToolDefinition> all = new ArrayList<>();
    all.addAll(new ProfileTools(ctx).definitions());
    all.addAll(new EntryTools(ctx).definitions());
    all.addAll(new EntryListTools(ctx).definitions());
    all.addAll(new CatalogTools(ctx).definitions());
    all.add(new SummaryTool(ctx).definition());
    all.add(new TimesheetTool(ctx).definition());
    all.add(new QuotaTool(ctx).definition());
    all.add(new ChartTool(ctx).definition());
    all.addAll(new TeamTools(ctx).definitions());
    all.add(new TeamSummaryTool(ctx).definition());
    all.addAll(new TimerTools(ctx).definitions());
    all.addAll(new EntryWriteTools(ctx).definitions());
    all.add(new DeleteTool(ctx).definition());
    all.add(new BulkUpdateTool(ctx).definition());
    all.addAll(new CatalogWriteTools(ctx).definitions());
    all.sort((a, b) -> Integer.compare(ORDER.indexOf(a.name()), ORDER.indexOf(b.name())));
    this.tools = List.copyOf(all);
  }

  /** The order of DESIGN.md's table, then the insight tools. */
  private static final List<String> ORDER =
      List.of(
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
          "get_team_summary",
          "start_time_entry",
          "stop_time_entry",
          "create_time_entry",
          "update_time_entry",
          "delete_time_entry",
          "bulk_update_time_entries",
          "create_tag",
          "create_project",
          "create_client");

  /** What the tools share, for the prompts and resources built beside them. */
  ToolContext context() {
    return ctx;
  }

  /** Tools for this server: read tools always; write tools only when writing is enabled. */
  List<ToolDefinition> tools(boolean writeEnabled) {
    return tools.stream().filter(t -> t.readOnly() || writeEnabled).toList();
  }
}
