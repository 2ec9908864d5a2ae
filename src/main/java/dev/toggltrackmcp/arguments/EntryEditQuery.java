package dev.toggltrackmcp.arguments;

import dev.toggltrackmcp.analytics.EntryView;
import dev.toggltrackmcp.analytics.Kind;
import dev.toggltrackmcp.analytics.Labels;
import dev.toggltrackmcp.store.TimeEntryWrites.EntryEdit;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.Project;
import dev.toggltrackmcp.toggl.model.Task;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A change to entries as the model asked it: description ({@code ""} clears it), project or {@code
 * remove_project}, task or {@code remove_task}, tags (replace with {@code tags}, or {@code
 * add_tags} / {@code remove_tags}), billable, and for one entry its times. {@link #resolve} turns
 * it into the edit for one entry and the entry as it will be.
 */
public record EntryEditQuery(
    @Nullable String description,
    @Nullable Ref project,
    boolean removeProject,
    @Nullable Ref task,
    boolean removeTask,
    @Nullable List<Ref> tags,
    List<Ref> addTags,
    List<Ref> removeTags,
    @Nullable Boolean billable,
    EntryTimes times) {

  /** The arguments of a change to many entries (no times). */
  public static final List<String> CHANGES =
      List.of(
          "description",
          "project",
          "remove_project",
          "tags",
          "add_tags",
          "remove_tags",
          "billable");

  /** {@code update_time_entry}'s change, times included. */
  public static EntryEditQuery forUpdate(Arguments args) {
    return read(args, EntryTimes.read(args, false), true);
  }

  /** {@code bulk_update_time_entries}' {@code changes}: no task or times. */
  public static EntryEditQuery forBulk(Arguments changes) {
    return read(changes, new EntryTimes(null, null, null), false);
  }

  private static EntryEditQuery read(Arguments args, EntryTimes times, boolean one) {
    String description = args.blank("description") ? "" : args.text("description");
    Ref project = args.ref("project", Kind.PROJECT);
    boolean removeProject = Boolean.TRUE.equals(args.bool("remove_project"));
    Ref task = one ? args.ref("task", Kind.TASK) : null;
    boolean removeTask = one && Boolean.TRUE.equals(args.bool("remove_task"));
    List<Ref> tags =
        args.isList("tags") || args.has("tags")
            ? args.refs("tags", Kind.TAG, NewEntryQuery.MOST_TAGS)
            : null;
    List<Ref> add = args.refs("add_tags", Kind.TAG, NewEntryQuery.MOST_TAGS);
    List<Ref> remove = args.refs("remove_tags", Kind.TAG, NewEntryQuery.MOST_TAGS);
    if (project != null && removeProject) {
      throw new InvalidArgument(
          "remove_project", "Give project (to set one) or remove_project: true, not both.");
    }
    if (task != null && removeTask) {
      throw new InvalidArgument(
          "remove_task", "Give task (to set one) or remove_task: true, not both.");
    }
    if (tags != null && (!add.isEmpty() || !remove.isEmpty())) {
      throw new InvalidArgument(
          "tags",
          "tags replaces every tag; add_tags and remove_tags change some. Give tags alone, or"
              + " add_tags and/or remove_tags.");
    }
    EntryEditQuery q =
        new EntryEditQuery(
            description,
            project,
            removeProject,
            task,
            removeTask,
            tags,
            add,
            remove,
            args.bool("billable"),
            times);
    if (!q.changesSomething()) {
      throw new InvalidArgument(
          one ? "time_entry_id" : "changes",
          "Say what to change, e.g. "
              + (one
                  ? "{\"time_entry_id\": 4100012345, \"description\": \"Client call\"} or"
                      + " {\"time_entry_id\": 4100012345, \"add_tags\": [\"meeting\"]}"
                  : "{\"changes\": {\"add_tags\": [\"billable-review\"]}} or {\"changes\":"
                      + " {\"billable\": true}}")
              + ".");
    }
    return q;
  }

  public boolean changesSomething() {
    return description != null
        || project != null
        || removeProject
        || task != null
        || removeTask
        || tags != null
        || !addTags.isEmpty()
        || !removeTags.isEmpty()
        || billable != null
        || times.given();
  }

  /** Refuses names that fit nothing in any workspace, before any entry is looked up. */
  public void namesExist(Account account) {
    Resolver names = Resolver.forWrites(account);
    List<Ref> all = new ArrayList<>();
    if (project != null) {
      all.add(project);
    }
    if (task != null) {
      all.add(task);
    }
    if (tags != null) {
      all.addAll(tags);
    }
    all.addAll(addTags);
    all.addAll(removeTags);
    all.forEach(names::mustExist);
  }

  /** The edit of one entry, and the entry as Toggl will hold it afterwards. */
  public record Resolved(EntryEdit edit, TimeEntry after) {}

  /**
   * This change applied to {@code entry}: names resolve in the entry's workspace (a project or tag
   * elsewhere is refused), times in the user's timezone.
   */
  public Resolved resolve(TimeEntry entry, Account account, Instant now) {
    Resolver names = Resolver.forWrites(account);
    Long ws = entry.workspaceId();
    Project p = project == null ? null : names.project(project, ws);
    Task t = task == null ? null : names.task(task, ws);
    Long projectId = removeProject ? null : p != null ? Long.valueOf(p.id()) : entry.projectId();
    if (t != null) {
      if (projectId != null && t.projectId() != projectId) {
        throw new InvalidArgument(
            "task",
            "Task \""
                + t.name()
                + "\" belongs to project "
                + names.labels().project(t.projectId())
                + ", not to the entry's "
                + names.labels().project(projectId)
                + "; pass project too, or pick a task of that project.");
      }
      projectId = t.projectId();
    }
    Long taskId =
        removeTask || removeProject ? null : t != null ? Long.valueOf(t.id()) : entry.taskId();
    if (taskId != null && p != null && t == null) {
      // the old task belongs to the old project: a new project drops it
      taskId = null;
    }
    List<String> current = EntryView.of(entry, account, account.user().zone(), now).tags();
    List<String> newTags = null;
    List<String> added = addTags.stream().map(r -> names.tag(r, ws).name()).toList();
    List<String> removed = removeTags.stream().map(r -> names.tag(r, ws).name()).toList();
    List<String> afterTags;
    if (tags != null) {
      newTags = tags.stream().map(r -> names.tag(r, ws).name()).distinct().toList();
      afterTags = newTags;
    } else {
      afterTags = new ArrayList<>(current);
      for (String a : added) {
        if (afterTags.stream().noneMatch(x -> Labels.key(x).equals(Labels.key(a)))) {
          afterTags.add(a);
        }
      }
      afterTags.removeIf(x -> removed.stream().anyMatch(r -> Labels.key(r).equals(Labels.key(x))));
    }
    EntryTimes.Interval when =
        times.given()
            ? times.changed(entry, account.user().zone(), now)
            : new EntryTimes.Interval(entry.start(), entry.isRunning() ? null : entry.stop());
    boolean newStart = !when.start().equals(entry.start());
    boolean newStop =
        when.stop() != null && (entry.isRunning() || !when.stop().equals(entry.stop()));
    EntryEdit edit =
        new EntryEdit(
            description,
            p != null || t != null ? projectId : null,
            removeProject,
            t == null ? null : taskId,
            entry.taskId() != null && taskId == null,
            billable,
            newStart || newStop ? when.start() : null,
            newStart || newStop ? when.stop() : null,
            newTags,
            added,
            removed);
    TimeEntry after =
        new TimeEntry(
            entry.id(),
            entry.workspaceId(),
            projectId,
            taskId,
            billable == null ? entry.billable() : billable,
            when.start(),
            when.stop(),
            when.stop() == null ? -1 : when.seconds(),
            description == null ? entry.description() : description,
            afterTags,
            List.of(),
            entry.userId(),
            entry.at(),
            null);
    return new Resolved(edit, after);
  }
}
