package dev.toggltrackmcp.store;

import dev.toggltrackmcp.store.TimeEntryWrites.BulkOutcome;
import dev.toggltrackmcp.store.TimeEntryWrites.EntryEdit;
import dev.toggltrackmcp.toggl.TogglException;
import dev.toggltrackmcp.toggl.TogglWrites;
import dev.toggltrackmcp.toggl.TogglWrites.BulkAnswer;
import dev.toggltrackmcp.toggl.TogglWrites.PatchOp;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One edit applied to many held entries: grouped by workspace, sent in requests of at most 100 ids,
 * each id's success or failure taken from Toggl's answer (bulk edits are not transactional), and
 * the successful changes taught to the cache without asking Toggl again.
 */
final class BulkEditor {
  private static final Logger LOG = LoggerFactory.getLogger(BulkEditor.class);

  static final String NOT_HELD =
      "not among the entries loaded; list it with list_time_entries (its date), then try again";

  private final TogglWrites writes;
  private final SyncedToggl synced;

  BulkEditor(TogglWrites writes, SyncedToggl synced) {
    this.writes = writes;
    this.synced = synced;
  }

  BulkOutcome apply(List<Long> entryIds, EntryEdit edit) {
    List<PatchOp> ops = EntryEdits.patch(edit);
    if (ops.isEmpty()) {
      throw new IllegalArgumentException("a bulk edit needs at least one change");
    }
    Snapshot held = synced.heldSnapshot();
    Map<Long, String> notSent = new LinkedHashMap<>();
    Map<Long, List<Long>> byWorkspace = new LinkedHashMap<>();
    for (long id : new LinkedHashSet<>(entryIds)) {
      Optional<TimeEntry> e = held.entries().get(id);
      if (e.isEmpty()) {
        notSent.put(id, NOT_HELD);
      } else {
        byWorkspace.computeIfAbsent(e.get().workspaceId(), w -> new ArrayList<>()).add(id);
      }
    }
    List<Long> succeeded = new ArrayList<>();
    Map<Long, String> failed = new LinkedHashMap<>();
    String stopAll = null;
    for (Map.Entry<Long, List<Long>> ws : byWorkspace.entrySet()) {
      List<Long> ids = ws.getValue();
      for (int from = 0; from < ids.size(); from += TogglWrites.MOST_BULK_IDS) {
        List<Long> chunk =
            ids.subList(from, Math.min(ids.size(), from + TogglWrites.MOST_BULK_IDS));
        if (stopAll != null) {
          for (long id : chunk) {
            notSent.put(id, stopAll);
          }
          continue;
        }
        try {
          BulkAnswer answer = writes.bulkEdit(ws.getKey(), chunk, ops);
          Set<Long> ok = Set.copyOf(answer.success());
          for (long id : chunk) {
            if (ok.contains(id)) {
              succeeded.add(id);
            } else {
              failed.put(
                  id,
                  answer
                      .failure()
                      .getOrDefault(
                          id,
                          "Toggl's answer did not mention this entry, so it may or may not have"
                              + " changed; look with get_time_entry"));
            }
          }
          LOG.info(
              "Applied bulk update: {} of {} time entries in workspace {}",
              answer.success().size(),
              chunk.size(),
              ws.getKey());
        } catch (TogglException.QuotaExhausted | TogglException.AuthenticationFailed e) {
          stopAll = "not sent: " + e.getMessage();
          chunk.forEach(id -> notSent.put(id, "not sent: " + e.getMessage()));
        } catch (TogglException.Unavailable
            | TogglException.NetworkFailure
            | TogglException.MalformedResponse
            | TogglException.RefusedOnRepeat e) {
          String reason =
              "NOT KNOWN whether it changed: Toggl's answers were lost ("
                  + e.kind()
                  + "); look with list_time_entries before trying again";
          chunk.forEach(id -> notSent.put(id, reason));
        } catch (TogglException e) {
          chunk.forEach(id -> notSent.put(id, "refused as a whole: " + e.getMessage()));
        }
      }
    }
    List<TimeEntry> updated = learn(succeeded, edit);
    return new BulkOutcome(updated, failed, notSent);
  }

  /** The held copies of {@code ids} with the edit applied, committed as one change. */
  private List<TimeEntry> learn(List<Long> ids, EntryEdit edit) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<TimeEntry> updated = new ArrayList<>();
    synced.applyOnHeld(
        s -> {
          updated.clear();
          for (long id : ids) {
            s.entries()
                .get(id)
                .ifPresent(e -> updated.add(EntryEdits.applied(e, edit, s.account())));
          }
          return Change.ofEntries(updated, List.of());
        });
    return List.copyOf(updated);
  }
}
