package dev.toggltrackmcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toggltrackmcp.sandbox.World.Constraints;
import dev.toggltrackmcp.sandbox.World.Entry;
import dev.toggltrackmcp.sandbox.World.Member;
import dev.toggltrackmcp.sandbox.World.Project;
import dev.toggltrackmcp.sandbox.World.Tag;
import dev.toggltrackmcp.sandbox.World.Task;
import dev.toggltrackmcp.sandbox.World.Workspace;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A time entry being created or edited through the API: fields are applied as sent and checked
 * against Toggl's rules, and nothing reaches the {@link Dataset} until {@link #build} (unknown tag
 * names become tags only then), so a refused write changes nothing.
 */
final class EntryDraft {
  private final Dataset data;
  private final Workspace ws;
  private final Member caller;
  private final long userId;
  private @Nullable Long projectId;
  private @Nullable Long taskId;
  private @Nullable Boolean billable;
  private @Nullable Instant start;
  private @Nullable Instant stop;
  private String description = "";
  private final Set<Long> tagIds = new LinkedHashSet<>();
  private final Set<String> newTags = new LinkedHashSet<>();
  private boolean createdWithoutEnd;

  private EntryDraft(Dataset data, Workspace ws, Member caller, long userId) {
    this.data = data;
    this.ws = ws;
    this.caller = caller;
    this.userId = userId;
  }

  static EntryDraft fresh(Dataset data, Workspace ws, Member caller, long userId) {
    return new EntryDraft(data, ws, caller, userId);
  }

  static EntryDraft of(Entry e, Dataset data, Workspace ws, Member caller) {
    EntryDraft d = new EntryDraft(data, ws, caller, e.userId());
    d.projectId = e.projectId();
    d.taskId = e.taskId();
    d.billable = e.billable();
    d.start = e.start();
    d.stop = e.stop();
    d.description = e.description();
    d.tagIds.addAll(e.tagIds());
    return d;
  }

  long userId() {
    return userId;
  }

  boolean running() {
    return stop == null;
  }

  /** Created with neither {@code stop} nor {@code duration}: Toggl answers as if running. */
  boolean createdWithoutEnd() {
    return createdWithoutEnd;
  }

  void description(JsonNode value) {
    if (value.isNull()) {
      description = "";
    } else if (value.isTextual()) {
      description = value.asText().strip();
    } else {
      throw WriteRefused.badRequest("Invalid 'description' value: expected a string");
    }
  }

  void project(JsonNode value) {
    if (value.isNull()) {
      projectId = null;
      taskId = null;
      billable = null;
      return;
    }
    long id = id(value, "project_id");
    Optional<Project> p = data.project(id).filter(x -> x.workspaceId() == ws.id());
    if (p.isEmpty()) {
      throw WriteRefused.badRequest("User cannot access the selected project");
    }
    if (!Long.valueOf(id).equals(projectId)) {
      taskId = null;
      billable = null;
    }
    projectId = id;
  }

  void task(JsonNode value) {
    if (value.isNull()) {
      taskId = null;
      return;
    }
    long id = id(value, "task_id");
    Task task =
        data.tasks().stream()
            .filter(t -> t.id() == id && t.workspaceId() == ws.id())
            .findFirst()
            .orElseThrow(() -> WriteRefused.badRequest("User cannot access selected task"));
    if (projectId == null) {
      projectId = task.projectId();
    } else if (task.projectId() != projectId) {
      throw WriteRefused.badRequest("User cannot access selected task");
    }
    taskId = id;
  }

  /** Billable is a paid feature (the 402 for Free workspaces is unverified). */
  void billable(JsonNode value) {
    if (!value.isBoolean()) {
      throw WriteRefused.badRequest("Invalid 'billable' value: expected true or false");
    }
    if (value.asBoolean() && !ws.premium()) {
      throw new WriteRefused(402, "Billable is a premium feature");
    }
    billable = value.asBoolean();
  }

  /**
   * Tag names; {@code action} null replaces, {@code add} adds, {@code delete} removes. Unknown
   * names are created with the entry, unless only admins may create tags here (then 403).
   */
  void tags(JsonNode value, @Nullable String action) {
    if (!value.isArray()) {
      throw WriteRefused.badRequest("Invalid 'tags' value: expected a list of tag names");
    }
    List<Long> known = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (JsonNode n : value) {
      if (!n.isTextual() || n.asText().isBlank()) {
        throw WriteRefused.badRequest("Invalid 'tags' value: tag names must be non-empty strings");
      }
      String name = n.asText().strip();
      tagNamed(name).ifPresentOrElse(t -> known.add(t.id()), () -> unknown.add(name));
    }
    if ("delete".equals(action)) {
      known.forEach(tagIds::remove);
      unknown.forEach(u -> newTags.removeIf(x -> x.equalsIgnoreCase(u)));
      return;
    }
    if (!unknown.isEmpty() && ws.onlyAdminsMayCreateTags() && !caller.admin()) {
      throw new WriteRefused(403, "Only admins may create tags in this workspace");
    }
    if (action == null) {
      tagIds.clear();
      newTags.clear();
    }
    tagIds.addAll(known);
    newTags.addAll(unknown);
  }

  /**
   * Tag ids, with the same {@code action} as {@link #tags}; each must be a tag of the workspace.
   */
  void tagIds(JsonNode value, @Nullable String action) {
    if (!value.isArray()) {
      throw WriteRefused.badRequest("Invalid 'tag_ids' value: expected a list of tag ids");
    }
    List<Long> ids = new ArrayList<>();
    for (JsonNode n : value) {
      long id = id(n, "tag_ids");
      if (data.tags().stream().noneMatch(t -> t.id() == id && t.workspaceId() == ws.id())) {
        throw WriteRefused.badRequest(
            "Invalid 'tag_ids' value: no tag " + id + " in this workspace");
      }
      ids.add(id);
    }
    if ("delete".equals(action)) {
      ids.forEach(tagIds::remove);
      return;
    }
    if (action == null) {
      tagIds.clear();
      newTags.clear();
    }
    tagIds.addAll(ids);
  }

  void clearTags() {
    tagIds.clear();
    newTags.clear();
  }

  /**
   * A new entry's times: {@code start} is required, then exactly one of {@code duration >= 0},
   * {@code stop} or {@code duration < 0} (running); {@code stop} with {@code duration} must agree.
   * Neither makes the zero-length entry Toggl stores in that case.
   */
  void createTimes(
      @Nullable JsonNode startValue,
      @Nullable JsonNode stopValue,
      @Nullable JsonNode durationValue) {
    if (startValue == null || startValue.isNull()) {
      throw WriteRefused.badRequest("start is required, e.g. \"2025-01-10T09:00:00+01:00\"");
    }
    start = time(startValue, "start");
    Instant end = stopValue == null || stopValue.isNull() ? null : time(stopValue, "stop");
    Long duration = durationValue == null || durationValue.isNull() ? null : seconds(durationValue);
    if (duration != null && duration < 0) {
      if (end != null) {
        throw WriteRefused.badRequest("stop and duration disagree: a running entry has no stop");
      }
      stop = null;
    } else if (duration != null) {
      Instant computed = start.plusSeconds(duration);
      if (end != null && !end.equals(computed)) {
        throw WriteRefused.badRequest(
            "stop and duration disagree: start + duration must equal stop");
      }
      stop = computed;
    } else if (end != null) {
      stop = end;
    } else {
      stop = start;
      createdWithoutEnd = true;
    }
  }

  /**
   * Changed times of an existing entry: a new {@code start} keeps the stop (the duration follows);
   * {@code stop} or {@code duration >= 0} stops a running entry; a stopped entry cannot be made
   * running again (a choice: Toggl's answer is unverified).
   */
  void changeTimes(
      @Nullable JsonNode startValue,
      @Nullable JsonNode stopValue,
      @Nullable JsonNode durationValue) {
    Instant newStart =
        startValue == null || startValue.isNull() ? start : time(startValue, "start");
    Instant newStop = stopValue == null || stopValue.isNull() ? null : time(stopValue, "stop");
    Long duration = durationValue == null || durationValue.isNull() ? null : seconds(durationValue);
    if (duration != null && duration < 0) {
      if (stop != null || newStop != null) {
        throw WriteRefused.badRequest(
            "A stopped time entry cannot be made running again; create a new one");
      }
    } else if (duration != null) {
      Instant computed = newStart.plusSeconds(duration);
      if (newStop != null && !newStop.equals(computed)) {
        throw WriteRefused.badRequest(
            "stop and duration disagree: start + duration must equal stop");
      }
      stop = computed;
    } else if (newStop != null) {
      stop = newStop;
    }
    start = newStart;
  }

  /** Refuses what Toggl refuses once all fields are in: times out of order, unmet constraints. */
  void check() {
    if (stop != null && stop.isBefore(start)) {
      throw WriteRefused.badRequest("stop must not be earlier than start");
    }
    Constraints c = ws.constraints();
    if (!c.enabled()) {
      return;
    }
    if (c.descriptionPresent() && description.isBlank()) {
      throw constraint("a description", "description");
    }
    if (c.projectPresent() && projectId == null) {
      throw constraint("a project", "project_id");
    }
    if (c.tagPresent() && tagIds.isEmpty() && newTags.isEmpty()) {
      throw constraint("at least one tag", "tags");
    }
    if (c.taskPresent() && taskId == null) {
      throw constraint("a task", "task_id");
    }
  }

  /** The entry as stored, creating the tags it names that do not exist yet. */
  Entry build(long id, Instant now) {
    List<Long> tags = new ArrayList<>(tagIds);
    for (String name : newTags) {
      Optional<Tag> existing = tagNamed(name);
      if (existing.isPresent()) {
        tags.add(existing.get().id());
      } else {
        Tag created = new Tag(data.newCatalogId(), ws.id(), name, caller.id(), now);
        data.put(created);
        tags.add(created.id());
      }
    }
    boolean bill =
        billable != null
            ? billable
            : projectId != null
                && ws.premium()
                && data.project(projectId).map(Project::billable).orElse(false);
    return new Entry(
        id,
        ws.id(),
        userId,
        projectId,
        taskId,
        bill,
        start,
        stop,
        description,
        tags.stream().distinct().toList(),
        now,
        null);
  }

  private Optional<Tag> tagNamed(String name) {
    return data.tags().stream()
        .filter(t -> t.workspaceId() == ws.id() && t.name().equalsIgnoreCase(name))
        .findFirst();
  }

  private static WriteRefused constraint(String what, String field) {
    return WriteRefused.badRequest(
        "This workspace's time entry constraints require " + what + " (" + field + ")");
  }

  /** RFC 3339 with any offset; stored in UTC without fractions of a second, as Toggl does. */
  static Instant time(JsonNode value, String field) {
    try {
      return OffsetDateTime.parse(value.asText()).toInstant().truncatedTo(ChronoUnit.SECONDS);
    } catch (DateTimeParseException e) {
      throw WriteRefused.badRequest(
          "Invalid '" + field + "' value: expected an RFC 3339 time, e.g. 2025-01-10T09:00:00Z");
    }
  }

  private static long seconds(JsonNode value) {
    if (!value.canConvertToExactIntegral()) {
      throw WriteRefused.badRequest("Invalid 'duration' value: expected whole seconds");
    }
    return value.asLong();
  }

  private static long id(JsonNode value, String field) {
    if (!value.canConvertToExactIntegral() || value.asLong() <= 0) {
      throw WriteRefused.badRequest("Invalid '" + field + "' value: expected an id");
    }
    return value.asLong();
  }
}
