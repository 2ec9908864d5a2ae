package dev.toggltrackmcp.store;

import dev.toggltrackmcp.store.TimeEntryWrites.EntryEdit;
import dev.toggltrackmcp.toggl.TogglWrites.PatchOp;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.Tag;
import dev.toggltrackmcp.toggl.model.Task;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An {@link EntryEdit} in Toggl's words: the fields of a PUT (only what changes), the operations of
 * a JSON Patch, and the edit applied to a held copy (for a bulk edit, whose answer carries no
 * entries). Pure; no requests.
 */
final class EntryEdits {
  private EntryEdits() {}

  /** The tags {@code before} has after {@code edit}: replaced, then added, then removed. */
  static List<String> tagsAfter(List<String> before, EntryEdit edit) {
    Set<String> tags = new LinkedHashSet<>(edit.tags() != null ? edit.tags() : before);
    tags.addAll(edit.addTags());
    edit.removeTags().forEach(tags::remove);
    return List.copyOf(tags);
  }

  static boolean changesTags(EntryEdit edit) {
    return edit.tags() != null || !edit.addTags().isEmpty() || !edit.removeTags().isEmpty();
  }

  /**
   * The body of a PUT: only fields whose value differs from {@code before}. Tags are sent as
   * Toggl's {@code tag_action} add or delete when the edit only adds or only removes, else as the
   * whole new list. A new start on a stopped entry sends its stop too, so the end stays where it
   * was.
   */
  static Map<String, Object> putFields(TimeEntry before, EntryEdit edit) {
    Map<String, Object> f = new LinkedHashMap<>();
    if (edit.description() != null && !edit.description().equals(before.description())) {
      f.put("description", edit.description());
    }
    if (edit.clearProject() && before.projectId() != null) {
      f.put("project_id", null);
    } else if (edit.projectId() != null && !edit.projectId().equals(before.projectId())) {
      f.put("project_id", edit.projectId());
    }
    if (edit.clearTask() && before.taskId() != null) {
      f.put("task_id", null);
    } else if (edit.taskId() != null && !edit.taskId().equals(before.taskId())) {
      f.put("task_id", edit.taskId());
    }
    if (edit.billable() != null && edit.billable() != before.billable()) {
      f.put("billable", edit.billable());
    }
    Instant start = edit.start() != null ? edit.start() : before.start();
    if (!start.equals(before.start())) {
      f.put("start", start);
    }
    if (edit.stop() != null && !edit.stop().equals(before.stop())) {
      f.put("stop", edit.stop());
    } else if (f.containsKey("start") && before.stop() != null && edit.stop() == null) {
      f.put("stop", before.stop());
    }
    if (changesTags(edit)) {
      tagFields(before.tags(), edit, f);
    }
    return f;
  }

  private static void tagFields(List<String> before, EntryEdit edit, Map<String, Object> f) {
    List<String> after = tagsAfter(before, edit);
    if (Set.copyOf(after).equals(Set.copyOf(before))) {
      return;
    }
    boolean onlyAdds = edit.tags() == null && edit.removeTags().isEmpty();
    boolean onlyRemoves = edit.tags() == null && edit.addTags().isEmpty();
    if (onlyAdds) {
      f.put("tags", edit.addTags().stream().filter(t -> !before.contains(t)).toList());
      f.put("tag_action", "add");
    } else if (onlyRemoves) {
      f.put("tags", edit.removeTags().stream().filter(before::contains).toList());
      f.put("tag_action", "delete");
    } else {
      f.put("tags", after);
    }
  }

  /** Whether {@code e} shows every field of {@code put} (to tell if a lost PUT was applied). */
  static boolean shows(TimeEntry e, TimeEntry before, EntryEdit edit, Map<String, Object> put) {
    for (Map.Entry<String, Object> c : put.entrySet()) {
      Object v = c.getValue();
      boolean ok =
          switch (c.getKey()) {
            case "description" -> e.description().equals(v);
            case "project_id" -> Objects.equals(e.projectId(), v);
            case "task_id" -> Objects.equals(e.taskId(), v);
            case "billable" -> Objects.equals(e.billable(), v);
            case "start" -> e.start().equals(v);
            case "stop" -> Objects.equals(e.stop(), v);
            case "tags" -> Set.copyOf(e.tags()).equals(Set.copyOf(tagsAfter(before.tags(), edit)));
            default -> true;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The JSON Patch of a bulk edit (tags: replace with the list, or add / remove the names). */
  static List<PatchOp> patch(EntryEdit edit) {
    List<PatchOp> ops = new ArrayList<>();
    if (edit.description() != null) {
      ops.add(new PatchOp("replace", "/description", edit.description()));
    }
    if (edit.clearProject()) {
      ops.add(new PatchOp("remove", "/project_id", null));
    } else if (edit.projectId() != null) {
      ops.add(new PatchOp("replace", "/project_id", edit.projectId()));
    }
    if (edit.clearTask()) {
      ops.add(new PatchOp("remove", "/task_id", null));
    } else if (edit.taskId() != null) {
      ops.add(new PatchOp("replace", "/task_id", edit.taskId()));
    }
    if (edit.billable() != null) {
      ops.add(new PatchOp("replace", "/billable", edit.billable()));
    }
    if (edit.start() != null) {
      ops.add(new PatchOp("replace", "/start", edit.start()));
    }
    if (edit.stop() != null) {
      ops.add(new PatchOp("replace", "/stop", edit.stop()));
    }
    if (edit.tags() != null) {
      ops.add(new PatchOp("replace", "/tags", tagsAfter(edit.tags(), edit)));
    } else {
      if (!edit.addTags().isEmpty()) {
        ops.add(new PatchOp("add", "/tags", edit.addTags()));
      }
      if (!edit.removeTags().isEmpty()) {
        ops.add(new PatchOp("remove", "/tags", edit.removeTags()));
      }
    }
    return ops;
  }

  /**
   * {@code e} as a bulk edit Toggl accepted leaves it, worked out here since Toggl's answer carries
   * only ids. Its {@code at} is a nanosecond past the held one: newer than any copy read before the
   * edit (a racing sync's is dropped), older than Toggl's own copy of the edit (the next sync's
   * replaces it).
   */
  static TimeEntry applied(TimeEntry e, EntryEdit edit, @Nullable Account account) {
    Long project = e.projectId();
    Long task = e.taskId();
    if (edit.clearProject()) {
      project = null;
      task = null;
    } else if (edit.projectId() != null && !edit.projectId().equals(project)) {
      project = edit.projectId();
      task = null;
    }
    if (edit.clearTask()) {
      task = null;
    } else if (edit.taskId() != null) {
      task = edit.taskId();
      if (project == null && account != null) {
        project = account.task(task).map(Task::projectId).orElse(null);
      }
    }
    Instant start = edit.start() != null ? edit.start() : e.start();
    Instant stop = edit.stop() != null ? edit.stop() : e.stop();
    long duration =
        stop == null ? e.duration() : Math.max(0, Duration.between(start, stop).getSeconds());
    List<String> tags = changesTags(edit) ? tagsAfter(e.tags(), edit) : e.tags();
    List<Long> tagIds = changesTags(edit) ? tagIds(tags, e, account) : e.tagIds();
    return new TimeEntry(
        e.id(),
        e.workspaceId(),
        project,
        task,
        edit.billable() != null ? edit.billable() : e.billable(),
        start,
        stop,
        duration,
        edit.description() != null ? edit.description() : e.description(),
        tags,
        tagIds,
        e.userId(),
        e.at() == null ? null : e.at().plusNanos(1),
        null);
  }

  private static List<Long> tagIds(List<String> names, TimeEntry e, @Nullable Account account) {
    if (account == null) {
      return List.of();
    }
    List<Long> ids = new ArrayList<>();
    for (String name : names) {
      account.tags().stream()
          .filter(t -> t.workspaceId() == e.workspaceId() && t.name().equals(name))
          .map(Tag::id)
          .findFirst()
          .ifPresent(ids::add);
    }
    return ids;
  }
}
