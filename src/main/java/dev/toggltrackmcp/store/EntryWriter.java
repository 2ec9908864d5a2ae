package dev.toggltrackmcp.store;

import dev.toggltrackmcp.toggl.TogglClient;
import dev.toggltrackmcp.toggl.TogglException;
import dev.toggltrackmcp.toggl.TogglWrites;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.Client;
import dev.toggltrackmcp.toggl.model.Project;
import dev.toggltrackmcp.toggl.model.Tag;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writes, one at a time, each exactly once and taught to the cache from Toggl's answer. Creates
 * go through {@link EntryCreator}; here a repeated stop or delete that Toggl refuses because the
 * lost first attempt already did it is the success it is, a change whose every answer was lost is
 * checked with one read, and anything still unknown is said to be unknown.
 */
final class EntryWriter implements TimeEntryWrites {
  private static final Logger LOG = LoggerFactory.getLogger(EntryWriter.class);

  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

  private final TogglWrites writes;
  private final TogglClient reads;
  private final SyncedToggl synced;
  private final EntryCreator creator;
  private final BulkEditor bulk;
  private final CatalogWriter catalog;

  /**
   * One write at a time: a check after a lost answer then looks at a Toggl that only this write
   * changed (from this process), so a twin created by a concurrent write is never taken for it.
   */
  private final ReentrantLock oneAtATime = new ReentrantLock(true);

  EntryWriter(
      TogglWrites writes,
      TogglClient reads,
      SyncedToggl synced,
      Clock clock,
      Duration runningWindow) {
    this.writes = writes;
    this.reads = reads;
    this.synced = synced;
    this.creator = new EntryCreator(writes, reads, synced, clock, runningWindow);
    this.bulk = new BulkEditor(writes, synced);
    this.catalog = new CatalogWriter(writes, reads, synced, clock);
  }

  @Override
  public Written start(NewEntry entry) {
    if (entry.stop() != null) {
      throw new IllegalArgumentException("a timer that starts has no stop");
    }
    return alone(() -> creator.created(entry, true));
  }

  @Override
  public Written create(NewEntry entry) {
    if (entry.stop() == null) {
      throw new IllegalArgumentException("logged time needs a stop");
    }
    return alone(() -> creator.created(entry, false));
  }

  private <T> T alone(Supplier<T> write) {
    oneAtATime.lock();
    try {
      return write.get();
    } finally {
      oneAtATime.unlock();
    }
  }

  @Override
  public Written stop(long entryId) {
    return alone(() -> stopped(entryId));
  }

  private Written stopped(long entryId) {
    TimeEntry known = known(entryId);
    if (!known.isRunning()) {
      throw alreadyStopped(known);
    }
    String note = null;
    TimeEntry after;
    try {
      after = writes.stopEntry(known.workspaceId(), entryId);
    } catch (TogglException.RefusedOnRepeat r) {
      after = lookAgain(entryId, r);
      if (after.isRunning()) {
        throw r;
      }
      note =
          "Toggl's first answer was lost; the repeat found the entry already stopped (it ended at "
              + local(after.stop())
              + "), so it is stopped once.";
    } catch (TogglException.Conflict c) {
      TimeEntry fresh = reads.timeEntry(entryId);
      synced.apply(Change.ofEntries(List.of(fresh), List.of()));
      throw fresh.isRunning() ? c : alreadyStopped(fresh);
    } catch (TogglException.NotFound e) {
      throw gone(entryId);
    } catch (TogglException.Unavailable | TogglException.NetworkFailure e) {
      after = lookAgain(entryId, e);
      if (after.isRunning()) {
        throw e; // not stopped: the message says to try again
      }
      note =
          "Toggl's answers were lost (" + e.kind() + "); one check found the entry stopped once.";
    }
    synced.apply(Change.ofEntries(List.of(after), List.of()));
    LOG.info("Applied stop: time entry {} in workspace {}", entryId, after.workspaceId());
    return new Written(after, null, note);
  }

  @Override
  public Edited update(long entryId, EntryEdit edit) {
    return alone(() -> updated(entryId, edit));
  }

  private Edited updated(long entryId, EntryEdit edit) {
    TimeEntry before = known(entryId);
    Map<String, Object> fields = EntryEdits.putFields(before, edit);
    if (fields.isEmpty()) {
      return new Edited(before, before);
    }
    TimeEntry after;
    try {
      after = writes.updateEntry(before.workspaceId(), entryId, fields);
    } catch (TogglException.NotFound e) {
      throw gone(entryId);
    } catch (TogglException.Unavailable
        | TogglException.NetworkFailure
        | TogglException.RefusedOnRepeat e) {
      after = lookAgain(entryId, e);
      if (!EntryEdits.shows(after, before, edit, fields)) {
        synced.apply(Change.ofEntries(List.of(after), List.of()));
        throw e;
      }
    }
    synced.apply(Change.ofEntries(List.of(after), List.of()));
    LOG.info("Applied update: time entry {} in workspace {}", entryId, after.workspaceId());
    return new Edited(before, after);
  }

  @Override
  public TimeEntry delete(long entryId) {
    return alone(() -> deleted(entryId));
  }

  private TimeEntry deleted(long entryId) {
    TimeEntry before = known(entryId);
    try {
      writes.deleteEntry(before.workspaceId(), entryId);
    } catch (TogglException.NotFound e) {
      throw gone(entryId);
    } catch (TogglException.RefusedOnRepeat
        | TogglException.Unavailable
        | TogglException.NetworkFailure e) {
      if (stillThere(entryId, e)) {
        throw e;
      }
    }
    synced.apply(Change.ofEntries(List.of(), List.of(entryId)));
    LOG.info("Applied delete: time entry {} in workspace {}", entryId, before.workspaceId());
    return before;
  }

  @Override
  public BulkOutcome bulkUpdate(List<Long> entryIds, EntryEdit edit) {
    return alone(() -> bulk.apply(entryIds, edit));
  }

  @Override
  public Tag createTag(long workspaceId, String name) {
    return alone(() -> catalog.tag(workspaceId, name));
  }

  @Override
  public Client createClient(long workspaceId, String name) {
    return alone(() -> catalog.client(workspaceId, name));
  }

  @Override
  public Project createProject(long workspaceId, String name, @Nullable Long clientId) {
    return alone(() -> catalog.project(workspaceId, name, clientId));
  }

  /** The held copy, or Toggl's (one request) when the cache does not hold it. */
  private TimeEntry known(long entryId) {
    Optional<TimeEntry> held = synced.heldSnapshot().entries().get(entryId);
    if (held.isPresent()) {
      return held.get();
    }
    try {
      TimeEntry fetched = reads.timeEntry(entryId);
      if (fetched.isDeleted()) {
        throw new TogglException.NotFound("Time entry " + entryId);
      }
      return fetched;
    } catch (TogglException.NotFound e) {
      throw new TogglException.NotFound("Time entry " + entryId);
    }
  }

  /** After a change's answers were lost: the entry as Toggl has it now (one request). */
  private TimeEntry lookAgain(long entryId, TogglException lost) {
    try {
      return reads.timeEntry(entryId);
    } catch (TogglException.NotFound e) {
      synced.apply(Change.ofEntries(List.of(), List.of(entryId)));
      throw new TogglException.NotFound("Time entry " + entryId);
    } catch (TogglException e) {
      throw new TogglException.OutcomeUnknown(
          "the change to time entry " + entryId + " was made",
          "Toggl's answers were lost ("
              + lost.kind()
              + ") and the check failed too ("
              + e.kind()
              + ")",
          "Look at it with get_time_entry before trying again.");
    }
  }

  /** After a delete's answers were lost: whether Toggl still has the entry (one request). */
  private boolean stillThere(long entryId, TogglException lost) {
    try {
      TimeEntry now = reads.timeEntry(entryId);
      if (now.isDeleted()) {
        return false;
      }
      synced.apply(Change.ofEntries(List.of(now), List.of()));
      return true;
    } catch (TogglException.NotFound e) {
      return false;
    } catch (TogglException e) {
      throw new TogglException.OutcomeUnknown(
          "time entry " + entryId + " was deleted",
          "Toggl's answers were lost ("
              + lost.kind()
              + ") and the check failed too ("
              + e.kind()
              + ")",
          "Look with list_time_entries; deleting it again is safe.");
    }
  }

  /** Toggl does not know the entry (deleted elsewhere?): the cache forgets it too. */
  private TogglException gone(long entryId) {
    synced.apply(Change.ofEntries(List.of(), List.of(entryId)));
    return new TogglException.NotFound("Time entry " + entryId);
  }

  private TogglException alreadyStopped(TimeEntry e) {
    return new TogglException.AlreadyStopped(e.id(), local(e.stop()));
  }

  /** A time in the user's Toggl timezone, with its offset. */
  private String local(@Nullable Instant t) {
    if (t == null) {
      return "an unknown time";
    }
    Account account = synced.heldSnapshot().account();
    ZoneId zone = account == null ? ZoneOffset.UTC : account.user().zone();
    return LOCAL.format(t.atZone(zone));
  }
}
