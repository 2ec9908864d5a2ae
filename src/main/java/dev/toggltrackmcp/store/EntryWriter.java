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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writes on one entry, each exactly once and taught to the cache from Toggl's answer. A create
 * whose answer is lost is checked with one {@code since} request before it is sent again; a
 * repeated stop or delete that Toggl refuses because the lost first attempt already did it is the
 * success it is; anything still unknown is said to be unknown.
 */
final class EntryWriter implements TimeEntryWrites {
  private static final Logger LOG = LoggerFactory.getLogger(EntryWriter.class);

  /** The {@code since} check starts this far before the request left, for clock differences. */
  static final Duration CHECK_MARGIN = Duration.ofMinutes(1);

  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

  private final TogglWrites writes;
  private final TogglClient reads;
  private final SyncedToggl synced;
  private final Clock clock;
  private final Duration runningWindow;
  private final BulkEditor bulk;
  private final CatalogWriter catalog;

  EntryWriter(
      TogglWrites writes,
      TogglClient reads,
      SyncedToggl synced,
      Clock clock,
      Duration runningWindow) {
    this.writes = writes;
    this.reads = reads;
    this.synced = synced;
    this.clock = clock;
    this.runningWindow = runningWindow;
    this.bulk = new BulkEditor(writes, synced);
    this.catalog = new CatalogWriter(writes, reads, synced);
  }

  @Override
  public Written start(NewEntry entry) {
    if (entry.stop() != null) {
      throw new IllegalArgumentException("a timer that starts has no stop");
    }
    return created(entry, true);
  }

  @Override
  public Written create(NewEntry entry) {
    if (entry.stop() == null) {
      throw new IllegalArgumentException("logged time needs a stop");
    }
    return created(entry, false);
  }

  /**
   * Sends the create; when its answer is lost, one {@code since} request says whether it was
   * stored: found, it is the answer; absent, it is sent once more (and checked the same way).
   */
  private Written created(NewEntry n, boolean start) {
    Snapshot before = synced.heldSnapshot();
    Optional<TimeEntry> wasRunning = start ? before.entries().running() : Optional.empty();
    boolean runningUnsure =
        start
            && wasRunning.isEmpty()
            && !clock.instant().isBefore(before.entriesAsOf().plus(runningWindow));
    Instant firstSent = clock.instant();
    TimeEntry entry = null;
    List<TimeEntry> checked = null;
    String note = null;
    String firstLoss = null;
    for (int attempt = 1; entry == null; attempt++) {
      Instant sent = clock.instant();
      try {
        entry =
            writes.createEntry(
                n.workspaceId(),
                n.start(),
                n.stop(),
                n.description(),
                n.projectId(),
                n.taskId(),
                n.tags(),
                n.billable());
        if (firstLoss != null) {
          note =
              "Toggl's answer to the first attempt was lost ("
                  + firstLoss
                  + "); one check found nothing stored, so it was sent once more and stored once.";
        }
      } catch (TogglException.Unconfirmed | TogglException.MalformedResponse lost) {
        String reason = lost instanceof TogglException.Unconfirmed u ? u.reason() : "unreadable";
        checked = check(sent, reason, attempt);
        Optional<TimeEntry> found =
            checked.stream()
                .filter(e -> !e.isDeleted() && !before.entries().contains(e.id()))
                .filter(e -> sameEntry(e, n))
                .findFirst();
        if (found.isPresent()) {
          entry = found.get();
          note =
              "Toggl's answer was lost ("
                  + reason
                  + "); one check found the entry stored once, so it was not sent again.";
        } else if (attempt >= 2) {
          throw new TogglException.NotStored(
              "the new time entry",
              "both attempts lost their answer (" + firstLoss + "; " + reason + ")");
        } else {
          LOG.info(
              "A create lost its answer ({}); a check found it not stored; sending once more",
              reason);
          firstLoss = reason;
          checked = null;
        }
      }
    }
    TimeEntry stopped = null;
    if (start && (wasRunning.isPresent() || runningUnsure)) {
      try {
        if (checked == null) {
          checked = reads.timeEntriesSince(firstSent.minus(CHECK_MARGIN));
        }
        stopped = stoppedBy(entry, wasRunning, checked);
      } catch (TogglException e) {
        note =
            Sync.joined(
                note,
                wasRunning
                        .map(r -> "Toggl stopped the entry that was running (id " + r.id() + ")")
                        .orElse("Toggl stopped the entry that was running, if any")
                    + ", but its final length could not be read now ("
                    + e.kind()
                    + "); the next refresh shows it.");
      }
    }
    List<TimeEntry> upserts = new ArrayList<>();
    List<Long> deletions = new ArrayList<>();
    if (checked != null) {
      for (TimeEntry e : checked) {
        if (e.isDeleted()) {
          deletions.add(e.id());
        } else {
          upserts.add(e);
        }
      }
    }
    upserts.add(entry);
    if (stopped != null) {
      upserts.add(stopped);
    }
    synced.apply(Change.ofEntries(upserts, deletions));
    LOG.info(
        "Applied {}: time entry {} in workspace {}{}",
        start ? "start" : "create",
        entry.id(),
        entry.workspaceId(),
        stopped == null ? "" : " (Toggl stopped time entry " + stopped.id() + ")");
    return new Written(entry, stopped, note);
  }

  /** One {@code since} request after a lost answer; its own failure leaves the outcome unknown. */
  private List<TimeEntry> check(Instant sent, String reason, int attempt) {
    try {
      return reads.timeEntriesSince(sent.minus(CHECK_MARGIN));
    } catch (TogglException e) {
      throw new TogglException.OutcomeUnknown(
          "Toggl stored the new time entry",
          "the answer to "
              + (attempt == 1 ? "the create" : "the second attempt")
              + " was lost ("
              + reason
              + ") and the check whether it was stored failed too ("
              + e.kind()
              + ")",
          "Look with list_time_entries before trying again, so it is not created twice.");
    }
  }

  /** Whether {@code e} is what {@code n} asked for, as Toggl stores it (whole seconds). */
  private static boolean sameEntry(TimeEntry e, NewEntry n) {
    return e.workspaceId() == n.workspaceId()
        && e.start().equals(n.start().truncatedTo(ChronoUnit.SECONDS))
        && (n.stop() == null
            ? e.isRunning()
            : !e.isRunning() && n.stop().truncatedTo(ChronoUnit.SECONDS).equals(e.stop()))
        && e.description().strip().equals(n.description().strip())
        && Objects.equals(e.projectId(), n.projectId());
  }

  /**
   * The entry Toggl stopped when {@code started} began: the one held as running, or else one that
   * ended the moment the new one was stored.
   */
  private static @Nullable TimeEntry stoppedBy(
      TimeEntry started, Optional<TimeEntry> wasRunning, List<TimeEntry> changed) {
    Instant storedAt = started.at() != null ? started.at() : started.start();
    for (TimeEntry e : changed) {
      if (e.id() == started.id() || e.isDeleted() || e.isRunning()) {
        continue;
      }
      boolean held = wasRunning.isPresent() && wasRunning.get().id() == e.id();
      boolean endedThen = Duration.between(e.stop(), storedAt).abs().getSeconds() <= 2;
      if (held || (wasRunning.isEmpty() && endedThen)) {
        return e;
      }
    }
    return null;
  }

  @Override
  public Written stop(long entryId) {
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
          "Toggl's first answer was lost; the repeat found the entry stopped, so it was stopped once.";
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
    return bulk.apply(entryIds, edit);
  }

  @Override
  public Tag createTag(long workspaceId, String name) {
    return catalog.tag(workspaceId, name);
  }

  @Override
  public Client createClient(long workspaceId, String name) {
    return catalog.client(workspaceId, name);
  }

  @Override
  public Project createProject(long workspaceId, String name, @Nullable Long clientId) {
    return catalog.project(workspaceId, name, clientId);
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
    Account account = synced.heldSnapshot().account();
    ZoneId zone = account == null ? ZoneOffset.UTC : account.user().zone();
    String ended = e.stop() == null ? "an unknown time" : LOCAL.format(e.stop().atZone(zone));
    return new TogglException.AlreadyStopped(e.id(), ended);
  }
}
