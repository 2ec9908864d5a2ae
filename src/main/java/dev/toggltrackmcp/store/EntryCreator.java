package dev.toggltrackmcp.store;

import dev.toggltrackmcp.store.TimeEntryWrites.NewEntry;
import dev.toggltrackmcp.store.TimeEntryWrites.Written;
import dev.toggltrackmcp.toggl.TogglClient;
import dev.toggltrackmcp.toggl.TogglException;
import dev.toggltrackmcp.toggl.TogglWrites;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * New entries, stored exactly once: a create is never sent again blindly. When its answer is lost
 * (a timeout, a dropped connection, a 5xx), one {@code since} request says whether Toggl stored it;
 * found, that is the answer; absent, it is sent once more and checked the same way; when the check
 * itself fails, the outcome is said to be unknown. A started timer's answer names the entry Toggl
 * stopped, read exactly.
 */
final class EntryCreator {
  private static final Logger LOG = LoggerFactory.getLogger(EntryCreator.class);

  /** The {@code since} check starts this far before the request left, for clock differences. */
  static final Duration CHECK_MARGIN = Duration.ofMinutes(1);

  private final TogglWrites writes;
  private final TogglClient reads;
  private final SyncedToggl synced;
  private final Clock clock;
  private final Duration runningWindow;

  EntryCreator(
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
  }

  /**
   * Sends the create; when its answer is lost, one {@code since} request says whether it was
   * stored: found, it is the answer; absent, it is sent once more (and checked the same way).
   */
  Written created(NewEntry n, boolean start) {
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
   * The entry Toggl stopped when {@code started} began: the one held as running if it is now
   * stopped, or else one that ended the moment the new one was stored (a timer started elsewhere).
   */
  private static @Nullable TimeEntry stoppedBy(
      TimeEntry started, Optional<TimeEntry> wasRunning, List<TimeEntry> changed) {
    Instant storedAt = started.at() != null ? started.at() : started.start();
    List<TimeEntry> stopped =
        changed.stream()
            .filter(e -> e.id() != started.id() && !e.isDeleted() && !e.isRunning())
            .toList();
    Optional<TimeEntry> held =
        stopped.stream()
            .filter(e -> wasRunning.isPresent() && wasRunning.get().id() == e.id())
            .findFirst();
    return held.or(
            () ->
                stopped.stream()
                    .filter(e -> Duration.between(e.stop(), storedAt).abs().getSeconds() <= 2)
                    .findFirst())
        .orElse(null);
  }
}
