package dev.toggltrackmcp.arguments;

import dev.toggltrackmcp.analytics.Dimension;
import dev.toggltrackmcp.analytics.EntryFilter;
import dev.toggltrackmcp.analytics.Kind;
import dev.toggltrackmcp.analytics.Labels;
import dev.toggltrackmcp.analytics.Period;
import dev.toggltrackmcp.analytics.TagMatch;
import dev.toggltrackmcp.analytics.TeamSummaries;
import dev.toggltrackmcp.analytics.TimeRange;
import dev.toggltrackmcp.toggl.ReportQuery;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import dev.toggltrackmcp.toggl.model.Workspace;
import dev.toggltrackmcp.toggl.model.WorkspaceUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What the team tools are asked: a range, one workspace, the members ({@code users}, ids or names,
 * resolved like projects), filters, and for entries a {@code description} and paging, for summaries
 * the breakdowns. Read before any data; {@link #workspace} picks the workspace from the account,
 * and {@link #resolve} the rest once its members are known.
 */
public record TeamQuery(
    RangeQuery range,
    FilterQuery filters,
    List<Ref> users,
    @Nullable String description,
    Paging paging,
    List<Dimension> groupBy) {

  public static final int MOST_USERS = 50;
  public static final List<Dimension> DEFAULT_GROUP_BY = List.of(Dimension.USER, Dimension.PROJECT);

  public TeamQuery {
    users = List.copyOf(users);
    groupBy = List.copyOf(groupBy);
  }

  /** {@code get_team_time_entries}: last 7 days unless told otherwise. */
  public static TeamQuery entries(Arguments args, Instant now) {
    return new TeamQuery(
        RangeQuery.read(args, Period.LAST_7_DAYS, now),
        FilterQuery.read(args),
        args.refs("users", Kind.USER, MOST_USERS),
        args.text("description"),
        Paging.read(args),
        List.of());
  }

  /** {@code list_workspace_users}: only {@code workspace_id}. */
  public static TeamQuery members(Arguments args, Instant now) {
    return new TeamQuery(
        RangeQuery.read(args, Period.TODAY, now),
        FilterQuery.read(args),
        List.of(),
        null,
        new Paging(Paging.DEFAULT_LIMIT, 0),
        List.of());
  }

  /** {@code get_team_summary}: this week, by user and project, unless told otherwise. */
  public static TeamQuery summary(Arguments args, Instant now) {
    List<Dimension> groupBy =
        args.choices("group_by", TeamSummaries.DIMENSIONS, Dimension::argumentName);
    return new TeamQuery(
        RangeQuery.read(args, Period.THIS_WEEK, now),
        FilterQuery.read(args),
        args.refs("users", Kind.USER, MOST_USERS),
        null,
        new Paging(Paging.DEFAULT_LIMIT, 0),
        groupBy == null ? DEFAULT_GROUP_BY : groupBy);
  }

  /** The one workspace a team question is about, and why that one. */
  public record Scope(Workspace workspace, String why) {}

  /**
   * {@code workspace_id}; else TOGGL_WORKSPACE_ID; else the workspace of the project or client
   * asked about; else the user's default workspace. Reports answer one workspace per request.
   */
  public Scope workspace(Account account, @Nullable Long configuredWorkspace) {
    Resolver names = new Resolver(account);
    if (filters.workspace() != null) {
      return new Scope(names.workspace(filters.workspace()), "asked for");
    }
    if (configuredWorkspace != null) {
      Workspace w = account.workspace(configuredWorkspace).orElse(null);
      if (w != null) {
        return new Scope(w, "TOGGL_WORKSPACE_ID");
      }
    }
    if (filters.project() != null) {
      long ws = names.project(filters.project(), null).workspaceId();
      return new Scope(account.workspace(ws).orElseThrow(), "the project's workspace");
    }
    if (filters.client() != null) {
      long ws = names.client(filters.client(), null).workspaceId();
      return new Scope(account.workspace(ws).orElseThrow(), "the client's workspace");
    }
    Long preferred = account.user().defaultWorkspaceId();
    Workspace w = preferred == null ? null : account.workspace(preferred).orElse(null);
    if (w == null) {
      if (account.workspaces().isEmpty()) {
        throw new InvalidArgument("workspace_id", "Your Toggl account has no workspace.");
      }
      w = account.workspaces().get(0);
    }
    return new Scope(w, "your default workspace; pass workspace_id for another");
  }

  /**
   * Refuses what can be refused before the members are known (the range, project, client, tags), so
   * such a mistake costs no request for them.
   */
  public void check(Account account, Scope scope, Instant now) {
    range.resolve(account.user(), now);
    filters.resolve(new Resolver(account), scope.workspace().id());
  }

  /** The question in the account's terms, with {@code members} the workspace's users. */
  public Resolved resolve(Account account, Scope scope, List<WorkspaceUser> members, Instant now) {
    TimeRange r = range.resolve(account.user(), now);
    Resolver names = new Resolver(account, members);
    long ws = scope.workspace().id();
    FilterQuery.Filters f = filters.resolve(names, ws);
    List<WorkspaceUser> people = new ArrayList<>();
    for (Ref ref : users) {
      WorkspaceUser u = names.user(ref);
      if (people.stream().noneMatch(p -> p.id() == u.id())) {
        people.add(u);
      }
    }
    return new Resolved(
        r, scope, f, f.entries(null), people, description, paging, groupBy, names.labels());
  }

  /** The query resolved: ids, the range in the user's zone, labels that also name the members. */
  public record Resolved(
      TimeRange range,
      Scope scope,
      FilterQuery.Filters filters,
      EntryFilter filter,
      List<WorkspaceUser> users,
      @Nullable String description,
      Paging paging,
      List<Dimension> groupBy,
      Labels labels) {

    public long workspaceId() {
      return scope.workspace().id();
    }

    /**
     * What Toggl is asked to narrow to. Reports match any of several tag ids, so only the first tag
     * is sent and {@link #selects} checks that an entry carries every one.
     */
    public ReportQuery report() {
      List<Long> tagIds = filters.tags().isEmpty() ? List.of() : sorted(filters.tags().get(0));
      return new ReportQuery(
          users.stream().map(WorkspaceUser::id).sorted().toList(),
          filters.project() == null ? List.of() : List.of(filters.project().id()),
          filters.client() == null ? List.of() : List.of(filters.client().id()),
          tagIds,
          description,
          filters.billable());
    }

    /** The whole question, checked here on an entry Toggl sent. */
    public boolean selects(TimeEntry e, Account account) {
      if (!range.contains(e.start()) || !filter.test(e, account)) {
        return false;
      }
      if (!users.isEmpty()
          && users.stream().noneMatch(u -> Long.valueOf(u.id()).equals(e.userId()))) {
        return false;
      }
      return description == null
          || e.description()
              .toLowerCase(Locale.ROOT)
              .contains(description.trim().toLowerCase(Locale.ROOT));
    }

    /** True when the range is whole local days, which is all a Reports request can say. */
    public boolean wholeDays() {
      return TimeRange.ofDays(range.firstDay(), range.lastDay(), range.zone()).equals(range);
    }

    private static List<Long> sorted(TagMatch t) {
      return t.ids().stream().sorted().toList();
    }
  }
}
