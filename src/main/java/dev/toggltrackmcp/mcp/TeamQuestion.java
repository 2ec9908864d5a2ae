package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.arguments.FilterQuery;
import dev.toggltrackmcp.arguments.TeamQuery;
import dev.toggltrackmcp.store.Fresh;
import dev.toggltrackmcp.store.TeamData;
import dev.toggltrackmcp.store.TeamRequest;
import dev.toggltrackmcp.toggl.ReportQuery;
import dev.toggltrackmcp.toggl.TogglException;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.Workspace;
import dev.toggltrackmcp.toggl.model.WorkspaceUser;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A team question resolved for the tools: its workspace (and why that one), the workspace's
 * members, the arguments in ids, and Toggl's refusals turned into one sentence about what was
 * asked.
 */
final class TeamQuestion {
  final Account account;
  final TeamQuery.Resolved query;
  final Fresh<List<WorkspaceUser>> members;
  private final ToolContext ctx;

  private TeamQuestion(
      ToolContext ctx,
      Account account,
      TeamQuery.Resolved query,
      Fresh<List<WorkspaceUser>> members) {
    this.ctx = ctx;
    this.account = account;
    this.query = query;
    this.members = members;
  }

  static TeamQuestion of(ToolContext ctx, TeamQuery asked) {
    Account account = ctx.data.account().value();
    TeamQuery.Scope scope = asked.workspace(account, ctx.configuredWorkspace);
    asked.check(account, scope, ctx.now());
    Fresh<List<WorkspaceUser>> members =
        worded(scope.workspace(), () -> team(ctx).members(scope.workspace().id()));
    return new TeamQuestion(
        ctx, account, asked.resolve(account, scope, members.value(), ctx.now()), members);
  }

  static TeamData team(ToolContext ctx) {
    if (ctx.team == null) {
      throw new IllegalStateException("this server was built without team data");
    }
    return ctx.team;
  }

  Workspace workspace() {
    return query.scope().workspace();
  }

  /** The cache's view of this question, as Toggl is asked it ({@code report}). */
  TeamRequest request(ReportQuery report) {
    return TeamRequest.of(
        account,
        query.workspaceId(),
        report,
        query.range().firstDay(),
        query.range().lastDay(),
        ctx.now());
  }

  TeamData team() {
    return team(ctx);
  }

  /** What Toggl was asked, for the answer's first line: "in Lima Consulting (…), by Ana Lima". */
  String conditions() {
    List<String> parts = new ArrayList<>();
    if (!query.users().isEmpty()) {
      parts.add(
          "by " + Words.and(query.users().stream().map(u -> query.labels().user(u.id())).toList()));
    }
    FilterQuery.Filters f = query.filters();
    String filters = // the workspace is said by where()
        EntryText.conditions(
            new FilterQuery.Filters(null, f.project(), f.client(), f.tags(), f.billable()),
            query.labels());
    if (!filters.isEmpty()) {
      parts.add(filters.substring(2, filters.length() - 1));
    }
    if (query.description() != null) {
      parts.add("description contains \"" + query.description() + "\"");
    }
    return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
  }

  /** "in Lima Consulting (your default workspace; pass workspace_id for another)". */
  String where() {
    String why = query.scope().why();
    return "in "
        + query.labels().workspace(query.workspaceId())
        + (why.equals("asked for") ? "" : " (" + why + ")");
  }

  /** Notes of several reads, in order, each once. */
  static @Nullable String notes(Fresh<?>... reads) {
    List<String> notes = new ArrayList<>();
    for (Fresh<?> f : reads) {
      f.stalenessNote().filter(n -> !notes.contains(n)).ifPresent(notes::add);
    }
    return notes.isEmpty() ? null : String.join(" ", notes);
  }

  /**
   * Runs a Reports read for {@code workspace}, saying a refusal in the user's terms: a 403 to a
   * member who is not an admin, a 402 for a plan without team reports.
   */
  static <T> T worded(Workspace workspace, Supplier<T> read) {
    try {
      return read.get();
    } catch (TogglException.AuthenticationFailed e) {
      if (e.status() != 403 || workspace.admin()) {
        throw e;
      }
      throw new TogglException.NotAllowed(
          "forbidden",
          "Only workspace admins can see other people's time in "
              + workspace.name()
              + "; ask an admin, or use get_time_summary for your own time (or pass your own"
              + " user in users).");
    } catch (TogglException.FeatureNotInPlan e) {
      throw new TogglException.NotAllowed(
          "feature_not_in_plan",
          "Team reports are not on the Toggl plan of "
              + workspace.name()
              + " (Toggl answered 402: the workspace needs this feature); ask about a workspace"
              + " on a paid plan, or use get_time_summary for your own time.");
    }
  }
}
