package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.store.TeamData;
import dev.toggltrackmcp.store.TogglData;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Every tool, in the order clients list them. Write tools would be filtered out here. */
public final class ToolRegistry {
  private final List<ToolDefinition> tools;

  public ToolRegistry(TogglData data, Clock clock, @Nullable Long configuredWorkspace) {
    this(data, null, clock, configuredWorkspace);
  }

  public ToolRegistry(
      TogglData data, @Nullable TeamData team, Clock clock, @Nullable Long configuredWorkspace) {
    ToolContext ctx = new ToolContext(data, team, clock, configuredWorkspace);
    List<ToolDefinition> all = new ArrayList<>();
    all.addAll(new ProfileTools(ctx).definitions());
    all.addAll(new EntryTools(ctx).definitions());
    all.addAll(new EntryListTools(ctx).definitions());
    all.addAll(new CatalogTools(ctx).definitions());
    all.add(new SummaryTool(ctx).definition());
    all.addAll(new TeamTools(ctx).definitions());
    all.add(new TeamSummaryTool(ctx).definition());
    all.sort((a, b) -> Integer.compare(ORDER.indexOf(a.name()), ORDER.indexOf(b.name())));
    this.tools = List.copyOf(all);
  }

  /** The order of DESIGN.md's table. */
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
          "list_workspace_users",
          "get_team_time_entries",
          "get_team_summary");

  /** Tools for this server: read tools always; write tools only when writing is enabled. */
  List<ToolDefinition> tools(boolean writeEnabled) {
    return tools.stream().filter(t -> t.readOnly() || writeEnabled).toList();
  }
}
