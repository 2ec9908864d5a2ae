package dev.toggltrackmcp.arguments;

import dev.toggltrackmcp.analytics.Kind;
import dev.toggltrackmcp.store.TimeEntryWrites.NewEntry;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.Project;
import dev.toggltrackmcp.toggl.model.Task;
import dev.toggltrackmcp.toggl.model.Workspace;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@code start_time_entry} and {@code create_time_entry} are asked: what the entry is about
 * (description, project by id or name — or the original server's {@code project_id} — task, tags,
 * billable, workspace) and when it runs. Names resolve to existing things only.
 */
public record NewEntryQuery(
    @Nullable String description,
    @Nullable Ref workspace,
    @Nullable Ref project,
    @Nullable Ref task,
    List<Ref> tags,
    @Nullable Boolean billable,
    EntryTimes times) {

  public static final int MOST_TAGS = 20;

  public NewEntryQuery {
    tags = List.copyOf(tags);
  }

  /** {@code create_time_entry}: the original server's argument names are read too. */
  public static NewEntryQuery forCreate(Arguments args) {
    return read(args, EntryTimes.read(args, true));
  }

  /** {@code start_time_entry}: only a start (default now). */
  public static NewEntryQuery forStart(Arguments args) {
    return read(args, EntryTimes.startOnly(args));
  }

  private static NewEntryQuery read(Arguments args, EntryTimes times) {
    Ref project = args.ref("project", Kind.PROJECT);
    if (args.has("project_id")) {
      if (project != null) {
        throw new InvalidArgument(
            "project_id", "Give project or project_id (the same thing), not both.");
      }
      project = Ref.ofId("project_id", Kind.PROJECT, args.id("project_id"));
    }
    return new NewEntryQuery(
        args.text("description"),
        FilterQuery.workspace(args),
        project,
        args.ref("task", Kind.TASK),
        args.refs("tags", Kind.TAG, MOST_TAGS),
        args.bool("billable"),
        times);
  }

  /**
   * The entry to send. Its workspace is {@code workspace_id}, else the project's, else the
   * configured one, else the user's default workspace.
   */
  public NewEntry resolve(
      Account account, @Nullable Long configuredWorkspace, boolean running, Instant now) {
    Resolver names = Resolver.forWrites(account);
    Long ws = workspace == null ? null : Long.valueOf(names.workspace(workspace).id());
    Project p = project == null ? null : names.project(project, ws);
    Task t = task == null ? null : names.task(task, p == null ? ws : Long.valueOf(p.workspaceId()));
    if (t != null && p != null && t.projectId() != p.id()) {
      throw new InvalidArgument(
          "task",
          "Task \""
              + t.name()
              + "\" belongs to project "
              + names.labels().project(t.projectId())
              + ", not "
              + names.labels().project(p.id())
              + "; leave out project to use the task's, or pick a task of that project.");
    }
    if (p == null && t != null) {
      p = account.project(t.projectId()).orElse(null);
    }
    long workspaceId = workspaceOf(account, ws, p, t, configuredWorkspace);
    List<String> tagNames = tags.stream().map(r -> names.tag(r, workspaceId).name()).toList();
    ZoneId zone = account.user().zone();
    Instant start;
    Instant stop;
    if (running) {
      start = times.timerStart(zone, now);
      stop = null;
    } else {
      EntryTimes.Interval i = times.finished(zone, now);
      start = i.start();
      stop = i.stop();
    }
    return new NewEntry(
        workspaceId,
        start,
        stop,
        description == null ? "" : description,
        p == null ? null : p.id(),
        t == null ? null : t.id(),
        tagNames,
        billable);
  }

  private static long workspaceOf(
      Account account,
      @Nullable Long given,
      @Nullable Project p,
      @Nullable Task t,
      @Nullable Long configured) {
    if (given != null) {
      return given;
    }
    if (p != null) {
      return p.workspaceId();
    }
    if (t != null) {
      return t.workspaceId();
    }
    if (configured != null) {
      return configured;
    }
    Long home = account.user().defaultWorkspaceId();
    if (home != null && account.workspace(home).isPresent()) {
      return home;
    }
    return account.workspaces().stream()
        .map(Workspace::id)
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidArgument(
                    "workspace_id", "Your Toggl account has no workspace to add entries to."));
  }
}
