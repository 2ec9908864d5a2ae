package dev.toggltrackmcp.store;

import dev.toggltrackmcp.toggl.RelatedData;
import dev.toggltrackmcp.toggl.TogglClient;
import dev.toggltrackmcp.toggl.TogglException;
import dev.toggltrackmcp.toggl.TogglReports;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import dev.toggltrackmcp.toggl.model.Workspace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks Toggl for what the cache lacks, with the fewest requests, and says it as a {@link Change}:
 * one bootstrap, then one {@code since} request per freshness window, the reference data when it is
 * old or an entry names something unknown, and the Reports API for history beyond 90 days. Holds no
 * data of its own; the caller applies the changes.
 */
final class Sync {
  private static final Logger LOG = LoggerFactory.getLogger(Sync.class);

  /** {@code /me/time_entries} refuses start dates older than about 90 days. */
  static final int V9_WINDOW_DAYS = 89;

  /** Re-read changes this far before the newest one seen, in case Toggl's clock stutters. */
  static final Duration SINCE_OVERLAP = Duration.ofMinutes(1);

  /** What a history load ends with (the range it completed) and what it could not bring. */
  record History(Change change, @Nullable String note) {}

  /** An entry naming an unknown project refreshes the reference data at most this often. */
  static final Duration UNKNOWN_REFRESH_GAP = Duration.ofMinutes(1);

  private final TogglClient client;
  private final Supplier<TogglReports> reports;
  private final Clock clock;
  private final QuotaReserve quota;
  private final ResumePoints resumePoints;
  private volatile Instant lastUnknownRefresh = Instant.EPOCH;

  Sync(
      TogglClient client,
      Supplier<TogglReports> reports,
      Clock clock,
      QuotaReserve quota,
      ResumePoints resumePoints) {
    this.client = client;
    this.reports = reports;
    this.clock = clock;
    this.quota = quota;
    this.resumePoints = resumePoints;
  }

  /** The first fill: the account and every entry of Toggl's 90-day window (2 requests). */
  Change bootstrap() {
    Instant now = clock.instant();
    RelatedData related = client.meWithRelatedData();
    ZoneId zone = related.account().user().zone();
    Instant windowStart =
        LocalDate.ofInstant(now, zone).minusDays(V9_WINDOW_DAYS).atStartOfDay(zone).toInstant();
    List<TimeEntry> all = new ArrayList<>(related.recentEntries());
    all.addAll(client.timeEntries(windowStart, now.plus(Duration.ofDays(1))));
    Instant cursor = EntrySet.of(all).newestChange().orElse(now);
    LOG.info("Cache filled: {} entries since {}", all.size(), windowStart);
    return new Change(related.account(), now, all, List.of(), now, cursor, windowStart);
  }

  /** What changed since the cursor, deletions included (1 request, 2 if a name is unknown). */
  Change changesSince(Snapshot held) {
    Instant now = clock.instant();
    List<TimeEntry> upserts = new ArrayList<>();
    List<Long> deletions = new ArrayList<>();
    Instant newest = held.sinceCursor();
    for (TimeEntry e : client.timeEntriesSince(held.sinceCursor().minus(SINCE_OVERLAP))) {
      if (e.isDeleted()) {
        deletions.add(e.id());
      } else {
        upserts.add(e);
      }
      if (e.at() != null && e.at().isAfter(newest)) {
        newest = e.at();
      }
    }
    Change change = new Change(null, null, upserts, deletions, now, newest, null);
    if (mentionsUnknown(held.account(), upserts)
        && !now.isBefore(lastUnknownRefresh.plus(UNKNOWN_REFRESH_GAP))) {
      lastUnknownRefresh = now;
      RelatedData related = client.meWithRelatedData();
      List<TimeEntry> withRecent = new ArrayList<>(related.recentEntries());
      withRecent.addAll(upserts);
      change = new Change(related.account(), now, withRecent, deletions, now, newest, null);
    }
    return change;
  }

  /** The user and reference data again, with the recent entries that come along (1 request). */
  Change reference() {
    Instant asked = clock.instant(); // before the request: the read shows Toggl as of here or later
    RelatedData related = client.meWithRelatedData();
    return new Change(
        related.account(), asked, related.recentEntries(), List.of(), null, null, null);
  }

  /**
   * Entries older than what is held, from the Reports API, in every workspace, back to {@code
   * from}: newest first, a page from each workspace in turn, each page handed to {@code commit} as
   * it arrives with how far back the cache is now complete — so the answer can use what is loaded,
   * and a restart resumes where this stopped. The change that completes the range is returned, not
   * committed. Workspaces whose plan lacks the history are named in the note; a failure stops the
   * load with what it brought kept.
   */
  History history(Supplier<Snapshot> current, Instant from, Consumer<Change> commit) {
    Snapshot held = current.get();
    Account account = held.account();
    ZoneId zone = account.user().zone();
    Instant earliest = from;
    Instant created = account.user().createdAt();
    if (created != null && earliest.isBefore(created)) {
      earliest = created; // nothing was tracked before the account existed
    }
    LocalDate firstDay = LocalDate.ofInstant(earliest, zone);
    LocalDate lastDay = LocalDate.ofInstant(held.coveredFrom(), zone);
    Map<Workspace, TogglReports.Search> searches = new LinkedHashMap<>();
    Map<Workspace, LocalDate> completeFrom = new LinkedHashMap<>();
    for (Workspace w : account.workspaces()) {
      Optional<TogglReports.ResumePoint> stopped =
          resumePoints.find(w.id()).filter(p -> p.spanLast().equals(lastDay));
      searches.put(
          w,
          stopped.isPresent()
              ? reports.get().resume(w.id(), account.user().id(), firstDay, stopped.get(), zone)
              : reports.get().search(w.id(), account.user().id(), firstDay, lastDay, zone));
      completeFrom.put(w, lastDay.plusDays(1));
    }
    String note = null;
    while (!searches.isEmpty()) {
      // the workspace furthest behind goes next, so the cache's complete range grows evenly
      Workspace w = Collections.max(searches.keySet(), Comparator.comparing(completeFrom::get));
      if (!quota.allowsWorkspace(w.id())) {
        throw new HistoryUnavailable(
            "History before "
                + lastDay
                + " could not be loaded now: "
                + quota.note(current.get().entriesAsOf()));
      }
      Optional<TogglReports.Page> page;
      try {
        page = searches.get(w).next();
      } catch (TogglException.FeatureNotInPlan e) {
        note =
            joined(
                note,
                "Workspace \""
                    + w.name()
                    + "\" does not offer history before "
                    + lastDay
                    + " on its plan, so it is missing from this answer.");
        page = Optional.empty();
      } catch (TogglException e) {
        throw new HistoryUnavailable(
            "History before " + lastDay + " could not be loaded: " + e.getMessage());
      }
      if (page.isEmpty()) {
        searches.remove(w);
        completeFrom.put(w, firstDay);
        continue;
      }
      completeFrom.put(w, page.get().completeFrom());
      resumePoints.keep(w.id(), page.get().resumePoint());
      EntrySet known = current.get().entries();
      List<TimeEntry> fresh =
          page.get().entries().stream().filter(e -> !known.contains(e.id())).toList();
      LocalDate everywhere = Collections.max(completeFrom.values());
      commit.accept(
          new Change(
              null, null, fresh, List.of(), null, null, everywhere.atStartOfDay(zone).toInstant()));
    }
    Instant requested = LocalDate.ofInstant(from, zone).atStartOfDay(zone).toInstant();
    return new History(new Change(null, null, List.of(), List.of(), null, null, requested), note);
  }

  /** A history load that could not finish; its message is the answer's note. */
  static final class HistoryUnavailable extends RuntimeException {
    HistoryUnavailable(String note) {
      super(note, null, false, false);
    }
  }

  private static boolean mentionsUnknown(@Nullable Account account, List<TimeEntry> changed) {
    if (account == null) {
      return false;
    }
    for (TimeEntry e : changed) {
      if (e.projectId() != null && account.project(e.projectId()).isEmpty()) {
        return true;
      }
      if (e.taskId() != null && account.task(e.taskId()).isEmpty()) {
        return true;
      }
      if (e.workspaceId() != 0 && account.workspace(e.workspaceId()).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  static @Nullable String joined(@Nullable String a, @Nullable String b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : a + " " + b;
  }
}
