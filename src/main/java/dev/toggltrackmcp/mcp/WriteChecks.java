package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.analytics.EntryView;
import dev.toggltrackmcp.analytics.Labels;
import dev.toggltrackmcp.arguments.InvalidArgument;
import dev.toggltrackmcp.store.TimeEntryWrites.NewEntry;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import dev.toggltrackmcp.toggl.model.TimeEntryConstraints;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What is checked before a write is sent, from what the cache holds: that an entry does not overlap
 * the user's other entries (unless {@code allow_overlap}), and that it meets its workspace's time
 * entry constraints. A refusal is an {@link InvalidArgument} saying what to do; nothing is sent.
 */
final class WriteChecks {
  /** How far back an entry that overlaps may have started (longer entries are rare). */
  private static final Duration LOOK_BACK = Duration.ofDays(2);

  private static final int NAMED = 5;

  private final ToolContext ctx;

  WriteChecks(ToolContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Refuses {@code [start, stop)} (to now when {@code stop} is null) when it overlaps another of
   * the user's entries; {@code self} is the entry being changed, {@code stoppedAtStart} the timer
   * Toggl stops when a new one starts (it then ends at {@code start}, not now).
   */
  void noOverlap(
      Instant start,
      @Nullable Instant stop,
      @Nullable Long self,
      boolean allowOverlap,
      Account account) {
    if (allowOverlap) {
      return;
    }
    Instant now = ctx.now();
    Instant end = stop == null ? now : stop;
    if (!end.isAfter(start)) {
      return;
    }
    Map<Long, TimeEntry> candidates = new LinkedHashMap<>();
    ctx.data.runningEntry().value().ifPresent(r -> candidates.put(r.id(), r));
    ctx.data.entries(start.minus(LOOK_BACK), end).value().forEach(e -> candidates.put(e.id(), e));
    List<TimeEntry> overlapping = new ArrayList<>();
    for (TimeEntry o : candidates.values()) {
      if (o.isDeleted() || self != null && o.id() == self) {
        continue;
      }
      Instant oEnd = o.isRunning() ? now : o.stop();
      if (oEnd != null && o.start().isBefore(end) && oEnd.isAfter(start)) {
        overlapping.add(o);
      }
    }
    if (overlapping.isEmpty()) {
      return;
    }
    overlapping.sort(java.util.Comparator.comparing(TimeEntry::start));
    ZoneId zone = account.user().zone();
    Labels labels = Labels.of(account);
    String named =
        overlapping.stream()
            .limit(NAMED)
            .map(
                o -> {
                  EntryView v = EntryView.of(o, account, zone, now);
                  return "id "
                      + o.id()
                      + " \""
                      + EntryText.describe(v, labels)
                      + "\" "
                      + v.start()
                      + "–"
                      + (v.stop() == null ? "running" : v.stop().substring(11));
                })
            .collect(Collectors.joining("; "));
    throw new InvalidArgument(
        "start",
        "The entry ("
            + EntryView.local(start, zone)
            + "–"
            + (stop == null ? "now" : EntryView.local(stop, zone))
            + ") would overlap "
            + Words.count(overlapping.size(), "entry", "entries")
            + ": "
            + named
            + (overlapping.size() > NAMED ? "; …" : "")
            + ". Nothing was sent. Change the times, fix the other entry first, or pass"
            + " allow_overlap: true to save it anyway.");
  }

  /**
   * Refuses entries that miss what their workspace requires (project, task, tags, description),
   * naming the field; a workspace whose constraints cannot be read is left to Toggl to judge.
   */
  void meetsConstraints(Collection<TimeEntry> entries, Account account) {
    Set<Long> workspaces = entries.stream().map(TimeEntry::workspaceId).collect(Collectors.toSet());
    ConstraintsReader.Read read = ctx.constraints.of(workspaces);
    for (TimeEntry e : entries) {
      TimeEntryConstraints c = read.constraints().get(e.workspaceId());
      if (c == null) {
        continue;
      }
      missing(c, e)
          .ifPresent(
              field -> {
                throw new InvalidArgument(
                    field,
                    "Workspace "
                        + Labels.of(account).workspace(e.workspaceId())
                        + " requires "
                        + what(field)
                        + " on every time entry"
                        + (entries.size() > 1 ? " (entry " + e.id() + " would have none)" : "")
                        + "; pass "
                        + field
                        + hint(field)
                        + ". Nothing was sent.");
              });
    }
  }

  /** A new entry as Toggl will hold it, for the checks (id 0: not stored yet). */
  static TimeEntry draft(NewEntry e) {
    return new TimeEntry(
        0,
        e.workspaceId(),
        e.projectId(),
        e.taskId(),
        Boolean.TRUE.equals(e.billable()),
        e.start(),
        e.stop(),
        e.stop() == null ? -1 : Duration.between(e.start(), e.stop()).getSeconds(),
        e.description(),
        e.tags(),
        List.of(),
        null,
        null,
        null);
  }

  private static Optional<String> missing(TimeEntryConstraints c, TimeEntry e) {
    if (c.requiresProject() && e.projectId() == null) {
      return Optional.of("project");
    }
    if (c.timeEntryConstraintsEnabled() && c.taskPresent() && e.taskId() == null) {
      return Optional.of("task");
    }
    if (c.requiresTags() && e.tags().isEmpty() && e.tagIds().isEmpty()) {
      return Optional.of("tags");
    }
    if (c.requiresDescription() && e.description().isBlank()) {
      return Optional.of("description");
    }
    return Optional.empty();
  }

  private static String what(String field) {
    return switch (field) {
      case "project" -> "a project";
      case "task" -> "a task";
      case "tags" -> "at least one tag";
      default -> "a description";
    };
  }

  private static String hint(String field) {
    return switch (field) {
      case "project" -> " (a project of that workspace, see list_projects)";
      case "task" -> " (see get_time_entry_details for the project's tasks)";
      case "tags" -> " (see list_tags)";
      default -> " (what was done)";
    };
  }
}
