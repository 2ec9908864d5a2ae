package dev.toggltrackmcp.store;

import dev.toggltrackmcp.toggl.model.Client;
import dev.toggltrackmcp.toggl.model.Project;
import dev.toggltrackmcp.toggl.model.Tag;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Changes the user's Toggl data exactly once and teaches the cache the result, so every read after
 * a write reflects it without asking Toggl again. Arguments arrive resolved (ids, instants); the
 * checks that need the user's words (names, overlaps, workspace constraints, confirmation) happen
 * before a call reaches here. Failures are {@code TogglException}s; a write whose outcome could not
 * be learned says so in its exception, never silently:
 *
 * <ul>
 *   <li>{@code OutcomeUnknown} (kind {@code outcome_unknown}): Toggl's answer was lost and the one
 *       check failed too; the message says it is NOT KNOWN whether the change was made and what to
 *       look with before trying again.
 *   <li>{@code NotStored} ({@code not_stored}): a create lost its answer twice and each check found
 *       nothing stored: nothing changed.
 *   <li>{@code AlreadyStopped} ({@code already_stopped}): stop on an entry that is not running,
 *       with when it ended in the user's timezone.
 *   <li>{@code NotFound} ({@code not_found}), {@code BadRequest} (Toggl's reason), {@code
 *       QuotaExhausted} (with the reset time; nothing is sent), {@code AuthenticationFailed}, and
 *       the wire's others.
 * </ul>
 *
 * Writes run one at a time. Request counts: create 1; start 1, or 2 when a timer was running (or
 * the cache is older than the running window), to read exactly what Toggl stopped; stop, update,
 * delete 1 (plus 1 to read an entry the cache does not hold); a bulk edit 1 per 100 ids per
 * workspace; a new tag, client or project 1. A lost answer costs one check. Reads after any write
 * cost 0.
 */
public interface TimeEntryWrites {

  /**
   * Starts a timer ({@code stop} of {@code entry} must be null). Toggl stops the entry that was
   * running, if any; the result names it with its final length.
   */
  Written start(NewEntry entry);

  /**
   * Stops an entry; one already stopped is {@code AlreadyStopped} (refused without a request when
   * the cache knows it), one Toggl does not know is {@code NotFound}.
   */
  Written stop(long entryId);

  /** Logs past time ({@code stop} of {@code entry} must be set). */
  Written create(NewEntry entry);

  /**
   * Changes only what {@code edit} sets and differs from the entry (nothing differs: no request,
   * before == after). A new start alone on a stopped entry keeps its stop where it was; to move an
   * entry, set both.
   */
  Edited update(long entryId, EntryEdit edit);

  /** Deletes an entry; answers the entry as it was. */
  TimeEntry delete(long entryId);

  /**
   * Applies {@code edit} to every entry, in requests of at most 100 ids per workspace; Toggl's
   * partial success is reported per entry, never as all-or-nothing. Ids the cache does not hold are
   * not sent ({@code notSent}, with why); a request refused as a whole puts its ids in {@code
   * notSent} with the reason (a spent quota stops the rest too). {@code edit} must change
   * something.
   */
  BulkOutcome bulkUpdate(List<Long> entryIds, EntryEdit edit);

  Tag createTag(long workspaceId, String name);

  Client createClient(long workspaceId, String name);

  Project createProject(long workspaceId, String name, @Nullable Long clientId);

  /** A new entry, resolved: a null {@code stop} means a running timer. */
  record NewEntry(
      long workspaceId,
      Instant start,
      @Nullable Instant stop,
      String description,
      @Nullable Long projectId,
      @Nullable Long taskId,
      List<String> tags,
      @Nullable Boolean billable) {
    public NewEntry {
      description = description == null ? "" : description;
      tags = tags == null ? List.of() : List.copyOf(tags);
    }
  }

  /**
   * What to change on an entry; a null field is left alone. {@code clearProject} / {@code
   * clearTask} remove the project or task; {@code tags} replaces the tags, {@code addTags} and
   * {@code removeTags} change them (names).
   */
  record EntryEdit(
      @Nullable String description,
      @Nullable Long projectId,
      boolean clearProject,
      @Nullable Long taskId,
      boolean clearTask,
      @Nullable Boolean billable,
      @Nullable Instant start,
      @Nullable Instant stop,
      @Nullable List<String> tags,
      List<String> addTags,
      List<String> removeTags) {
    public EntryEdit {
      tags = tags == null ? null : List.copyOf(tags);
      addTags = addTags == null ? List.of() : List.copyOf(addTags);
      removeTags = removeTags == null ? List.of() : List.copyOf(removeTags);
    }
  }

  /**
   * A stored entry as Toggl answered it; {@code stoppedByToggl} is the entry Toggl stopped when a
   * timer started (null: none was running); {@code note} says what else the user should know (e.g.
   * the answer was lost and one check found the entry stored once), null when nothing.
   */
  record Written(TimeEntry entry, @Nullable TimeEntry stoppedByToggl, @Nullable String note) {}

  /** An entry before and after an update. */
  record Edited(TimeEntry before, TimeEntry after) {}

  /**
   * A bulk update's result: the entries as they now are, the ids Toggl refused with its reason, and
   * the ids never sent (a request failed as a whole, e.g. quota) with why.
   */
  record BulkOutcome(List<TimeEntry> updated, Map<Long, String> failed, Map<Long, String> notSent) {
    public BulkOutcome {
      updated = List.copyOf(updated);
      failed = Map.copyOf(failed);
      notSent = Map.copyOf(notSent);
    }

    public boolean complete() {
      return failed.isEmpty() && notSent.isEmpty();
    }
  }
}
