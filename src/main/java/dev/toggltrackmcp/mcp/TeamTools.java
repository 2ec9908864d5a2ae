package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.analytics.EntryView;
import dev.toggltrackmcp.analytics.Hours;
import dev.toggltrackmcp.analytics.Labels;
import dev.toggltrackmcp.arguments.Arguments;
import dev.toggltrackmcp.arguments.TeamQuery;
import dev.toggltrackmcp.store.Fresh;
import dev.toggltrackmcp.toggl.TogglReports;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import dev.toggltrackmcp.toggl.model.Workspace;
import dev.toggltrackmcp.toggl.model.WorkspaceUser;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The team tools that list: a workspace's members and their time entries, from Toggl's v9 users
 * endpoint and the Reports detailed search (every page read).
 */
final class TeamTools {
  static final String ENTRIES_SOURCE =
      "Toggl's Reports detailed search (POST /reports/api/v3/workspace/{id}/search/time_entries,"
          + " grouped rows, every page read by X-Next-Row-Number)";

  private final ToolContext ctx;

  TeamTools(ToolContext ctx) {
    this.ctx = ctx;
  }

  List<ToolDefinition> definitions() {
    return List.of(users(), entries());
  }

  private ToolDefinition users() {
    return new ToolDefinition(
        "list_workspace_users",
        "List workspace members",
        "The members of one workspace: id, name, email (when Toggl shows it: to admins only),"
            + " role, admin and active; deactivated members are listed too, as their past time"
            + " is still in reports. Default workspace: TOGGL_WORKSPACE_ID, else your default"
            + " workspace. Example: {} or {\"workspace_id\": 7654321}.",
        Schema.object()
            .prop(
                "workspace_id",
                Schema.integer(
                    "Workspace id (see list_workspaces). Default: TOGGL_WORKSPACE_ID, else your"
                        + " default workspace.",
                    1,
                    Arguments.LARGEST_ID)),
        usersSchema(),
        true,
        args -> {
          TeamQuery asked = TeamQuery.members(args, ctx.now());
          Account account = ctx.data.account().value();
          Workspace ws = asked.workspace(account, ctx.configuredWorkspace).workspace();
          Fresh<List<WorkspaceUser>> fresh =
              TeamQuestion.worded(ws, () -> TeamQuestion.team(ctx).members(ws.id()));
          return usersAnswer(account, ws, fresh);
        });
  }

  private ToolAnswer usersAnswer(Account account, Workspace ws, Fresh<List<WorkspaceUser>> fresh) {
    List<WorkspaceUser> members =
        fresh.value().stream()
            .sorted(
                Comparator.comparing((WorkspaceUser u) -> !u.active())
                    .thenComparing(u -> Labels.key(u.name())))
            .toList();
    Labels labels = Labels.of(account, members);
    long hidden = members.stream().filter(u -> u.email() == null || u.email().isBlank()).count();
    long you = account.user().id();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("workspace", Map.of("id", ws.id(), "name", ws.name()));
    out.put("you_are_admin", ws.admin());
    out.put("count", members.size());
    out.put("active_count", members.stream().filter(WorkspaceUser::active).count());
    out.put(
        "members",
        members.stream()
            .map(
                u -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("id", u.id());
                  m.put("name", labels.user(u.id()));
                  if (u.email() != null && !u.email().isBlank()) {
                    m.put("email", u.email());
                  }
                  m.put("role", u.role() == null ? (u.admin() ? "admin" : "user") : u.role());
                  m.put("admin", u.admin());
                  m.put("active", u.active());
                  m.put("is_you", u.id() == you);
                  return m;
                })
            .toList());
    String limited =
        hidden > 0 && !ws.admin()
            ? "Toggl shows members' emails only to workspace admins, and you are not an admin of "
                + ws.name()
                + ", so "
                + Words.count(hidden, "email is", "emails are")
                + " left out; other people's time in reports may be refused to you too."
            : null;
    if (limited != null) {
      out.put("limited", limited);
    }
    StringBuilder text = new StringBuilder();
    text.append(Words.count(members.size(), "member", "members"))
        .append(" in ")
        .append(labels.workspace(ws.id()))
        .append(" (")
        .append(out.get("active_count"))
        .append(" active):\n\n");
    TextTable table = new TextTable("Id", "Name", "Role", "Active", "Email");
    members.forEach(
        u ->
            table.row(
                u.id(),
                labels.user(u.id()) + (u.id() == you ? " (you)" : ""),
                u.admin() ? "admin" : "user",
                u.active() ? "yes" : "no (deactivated)",
                u.email() == null ? "" : u.email()));
    text.append(table.toString().stripTrailing());
    if (limited != null) {
      text.append("\n").append(limited);
    }
    text.append(ToolContext.freshnessLine(fresh));
    return new ToolAnswer(text.toString(), ToolContext.withFreshness(out, fresh));
  }

  private ToolDefinition entries() {
    return new ToolDefinition(
        "get_team_time_entries",
        "Team time entries",
        "Everyone's finished time entries in one workspace (or those of the users given), newest"
            + " first, each with the user's name, from Toggl's Reports API (admins see everyone;"
            + " running timers are not in reports). Default period: last_7_days; bounded by"
            + " limit/offset with the total. Examples: {\"period\": \"yesterday\", \"users\":"
            + " [\"Ana Lima\"]}, {\"period\": \"last_week\", \"client\": \"Globex\"} or"
            + " {\"users\": [9123457], \"description\": \"review\"}.",
        Schema.object()
            .props(CommonSchemas.range("last_7_days"))
            .props(teamFilters())
            .prop(
                "description",
                Schema.string(
                    "Only entries whose description contains this text (any case), e.g."
                        + " \"review\"."))
            .props(CommonSchemas.paging()),
        entriesSchema(),
        true,
        args -> entriesAnswer(TeamQuestion.of(ctx, TeamQuery.entries(args, ctx.now()))));
  }

  private ToolAnswer entriesAnswer(TeamQuestion q) {
    Fresh<List<TogglReports.Row>> rows =
        TeamQuestion.worded(q.workspace(), () -> q.team().rows(q.request(q.query.report())));
    Account account = q.account;
    Labels labels = q.query.labels();
    List<TimeEntry> matching =
        rows.value().stream()
            .flatMap(r -> r.entries().stream())
            .filter(e -> q.query.selects(e, account))
            .sorted(Comparator.comparing(TimeEntry::start).reversed().thenComparing(TimeEntry::id))
            .toList();
    Page<TimeEntry> page = Page.of(matching, q.query.paging());
    long totalSeconds = matching.stream().mapToLong(TimeEntry::duration).sum();
    long billable =
        matching.stream().filter(TimeEntry::billable).mapToLong(TimeEntry::duration).sum();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("range", ToolContext.rangeInfo(q.query.range()));
    out.put("workspace", Map.of("id", q.workspace().id(), "name", q.workspace().name()));
    page.describe(out);
    out.put("total_seconds", totalSeconds);
    out.put("total_hours", Hours.decimal(totalSeconds));
    out.put("billable_seconds", billable);
    out.put("users_count", matching.stream().map(TimeEntry::userId).distinct().count());
    out.put("source", ENTRIES_SOURCE);
    out.put(
        "entries",
        page.items().stream()
            .map(
                e -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("user_id", e.userId());
                  m.put("user_name", e.userId() == null ? null : labels.user(e.userId()));
                  m.putAll(
                      ToolContext.structured(
                          EntryView.of(e, account, account.user().zone(), ctx.now())));
                  return m;
                })
            .toList());
    Fresh<?> fresh =
        new Fresh<>(rows.value(), rows.dataAsOf(), TeamQuestion.notes(q.members, rows));
    StringBuilder text = new StringBuilder();
    if (matching.isEmpty()) {
      text.append("No finished entries")
          .append(q.conditions())
          .append(" ")
          .append(q.where())
          .append(", ")
          .append(EntryText.range(q.query.range()))
          .append(".");
    } else {
      text.append(Words.count(matching.size(), "entry", "entries"))
          .append(q.conditions())
          .append(" ")
          .append(q.where())
          .append(", ")
          .append(Hours.hm(totalSeconds))
          .append(" (")
          .append(Hours.decimal(totalSeconds))
          .append(" h, billable ")
          .append(Hours.hm(billable))
          .append("), ")
          .append(EntryText.range(q.query.range()))
          .append(".");
      if (page.items().isEmpty()) {
        text.append(" None at offset ").append(page.offset()).append('.');
      } else {
        text.append(" Showing ").append(page.offset() + 1).append("–").append(page.nextOffset());
        text.append(page.hasMore() ? "; more with offset " + page.nextOffset() + "." : ".");
        text.append("\n\n").append(table(page.items(), account, labels).toString().stripTrailing());
      }
    }
    text.append("\nFrom ").append(ENTRIES_SOURCE).append("; running timers are not included.");
    text.append(ToolContext.freshnessLine(fresh));
    return new ToolAnswer(text.toString(), ToolContext.withFreshness(out, fresh));
  }

  private TextTable table(List<TimeEntry> entries, Account account, Labels labels) {
    TextTable table =
        new TextTable(
                "Id",
                "Date",
                "Start",
                "Stop",
                "Time",
                "User",
                "Project",
                "Client",
                "Description",
                "Tags",
                "Billable")
            .alignRight(4);
    for (TimeEntry e : entries) {
      EntryView v = EntryView.of(e, account, account.user().zone(), ctx.now());
      table.row(
          v.id(),
          v.start().substring(0, 10),
          v.start().substring(11, 16),
          v.stop() == null ? "" : v.stop().substring(11, 16),
          Hours.hm(v.durationSeconds()),
          e.userId() == null ? "" : labels.user(e.userId()),
          v.projectId() == null ? "(no project)" : labels.project(v.projectId()),
          v.clientId() == null ? "" : labels.client(v.clientId()),
          v.description(),
          String.join(", ", v.tags()),
          v.billable() ? "yes" : "no");
    }
    return table;
  }

  /** The filters the team tools share: workspace, users, project, client, tags, billable. */
  static Map<String, Map<String, Object>> teamFilters() {
    Map<String, Map<String, Object>> m = new LinkedHashMap<>();
    m.put(
        "workspace_id",
        Schema.integer(
            "Workspace id (see list_workspaces); Reports answer one workspace at a time. Default:"
                + " TOGGL_WORKSPACE_ID, else the workspace of the project or client given, else"
                + " your default workspace.",
            1,
            Arguments.LARGEST_ID));
    m.put(
        "users",
        Schema.array(
            "Members whose time to include, by id or name (any case), e.g. [\"Ana Lima\"] or"
                + " [9123457]; where names repeat, the label answers show. Default: everyone"
                + " (see list_workspace_users).",
            Schema.idOrName("A user id or name.")));
    CommonSchemas.filters()
        .forEach(
            (k, v) -> {
              if (!k.equals("workspace_id")) {
                m.put(k, v);
              }
            });
    return m;
  }

  private static Map<String, Object> usersSchema() {
    return CommonSchemas.freshness(
            Schema.object()
                .prop(
                    "workspace",
                    Schema.object()
                        .prop("id", Schema.integer("Workspace id."))
                        .prop("name", Schema.string("Workspace name."))
                        .build(false))
                .prop("you_are_admin", Schema.bool("Whether you are an admin of the workspace."))
                .prop("count", Schema.integer("Members listed."))
                .prop("active_count", Schema.integer("Members not deactivated."))
                .prop(
                    "members",
                    Schema.array(
                        "Active members first, by name.",
                        Schema.object()
                            .prop("id", Schema.integer("User id (works as users input)."))
                            .prop(
                                "name",
                                Schema.string(
                                    "Full name; where two members share one, with their email"
                                        + " or id, e.g. \"Ana Lima (ana@example.com)\"."))
                            .prop(
                                "email", Schema.string("Email, present only when Toggl shows it."))
                            .prop(
                                "role",
                                Schema.string("Toggl's workspace role, e.g. admin or user."))
                            .prop("admin", Schema.bool("Workspace admin."))
                            .prop("active", Schema.bool("False for a deactivated member."))
                            .prop("is_you", Schema.bool("True for the token's own user."))
                            .build(false)))
                .prop(
                    "limited",
                    Schema.string(
                        "Present when Toggl shows you less (emails hidden to non-admins), and"
                            + " what that means.")))
        .build(false);
  }

  private static Map<String, Object> entriesSchema() {
    Map<String, Object> entry =
        Schema.object()
            .prop("user_id", Schema.nullableInteger("Whose entry it is."))
            .prop("user_name", Schema.nullableString("Their name (label where names repeat)."))
            .props(CommonSchemas.entryProperties())
            .build(false);
    return CommonSchemas.freshness(
            Schema.object()
                .prop("range", CommonSchemas.rangeInfo())
                .prop(
                    "workspace",
                    Schema.object()
                        .prop("id", Schema.integer("Workspace id."))
                        .prop("name", Schema.string("Workspace name."))
                        .build(false))
                .prop("total", Schema.integer("Entries matching, across all pages."))
                .prop("returned", Schema.integer("Entries in this answer."))
                .prop("offset", Schema.integer("Entries skipped."))
                .prop("has_more", Schema.bool("True when more entries follow."))
                .prop("next_offset", Schema.nullableInteger("offset for the next page, or null."))
                .prop("total_seconds", Schema.integer("Time of all matching entries."))
                .prop("total_hours", Schema.number("The same in hours, 2 decimals."))
                .prop("billable_seconds", Schema.integer("Billable part of that time."))
                .prop("users_count", Schema.integer("Members with matching entries."))
                .prop("source", Schema.string("Which Toggl endpoint answered."))
                .prop("entries", Schema.array("Newest first.", entry)))
        .build(false);
  }
}
