package dev.toggltrackmcp.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toggltrackmcp.toggl.QuotaBucket;
import dev.toggltrackmcp.toggl.RelatedData;
import dev.toggltrackmcp.toggl.TogglClient;
import dev.toggltrackmcp.toggl.TogglException;
import dev.toggltrackmcp.toggl.TogglJson;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Toggl data through the cache: answers from what is held while it is fresh, and otherwise spends
 * the fewest requests — one bootstrap, then one {@code since} request per freshness window, and the
 * Reports API only when a question reaches back beyond what is held. One sync runs at a time;
 * callers that arrive meanwhile wait and share its result. When Toggl cannot be asked (quota,
 * outage, revoked token) the answer comes from the cache with a note saying how old it is.
 */
public final class SyncedToggl implements TogglData {
  private static final Logger LOG = LoggerFactory.getLogger(SyncedToggl.class);

  /** {@code /me/time_entries} refuses start dates older than about 90 days. */
  static final int V9_WINDOW_DAYS = 89;

  /** Re-read changes this far before the newest one seen, in case Toggl's clock stutters. */
  static final Duration SINCE_OVERLAP = Duration.ofMinutes(1);

  private final TogglClient client;
  private final Supplier<TogglReports> reports;
  private final Supplier<CacheDatabase> opener;
  private final Clock clock;
  private final FreshnessPolicy policy;
  private final ReentrantLock lock = new ReentrantLock(true);
  private final ObjectMapper json = TogglJson.mapper();
  private final QuotaReserve quota;

  private @Nullable CacheDatabase db;
  private long dataVersion;
  private @Nullable Account account;
  private Instant referenceAsOf = Instant.EPOCH;
  private EntrySet entries = EntrySet.of(List.of());
  private Instant entriesAsOf = Instant.EPOCH;
  private Instant cursor = Instant.EPOCH;
  private Instant coveredFrom = Instant.MAX;
  private @Nullable String staleness;
  private Instant lastUnknownRefresh = Instant.EPOCH;
  private boolean cacheWriteFailed;

  SyncedToggl(
      TogglClient client,
      Supplier<TogglReports> reports,
      Supplier<CacheDatabase> opener,
      Clock clock,
      FreshnessPolicy policy) {
    this.client = client;
    this.reports = reports;
    this.opener = opener;
    this.clock = clock;
    this.policy = policy;
    this.quota = new QuotaReserve(client.http().quota(), clock, policy.lowQuota());
  }

  /**
   * Data for one account, cached in {@code file} ({@code null}: in memory only, nothing on disk).
   */
  public static SyncedToggl create(
      TogglClient client, java.nio.file.@Nullable Path file, Clock clock, FreshnessPolicy policy) {
    TogglReports reports = new TogglReports(client.http());
    return new SyncedToggl(client, () -> reports, () -> CacheDatabase.open(file), clock, policy);
  }

  @Override
  public Fresh<Account> account() {
    return locked(
        () -> {
          ensureStarted();
          if (older(referenceAsOf, policy.reference()) && quota.allows(QuotaBucket.USER)) {
            attempt(() -> refreshReference(List.of()));
          }
          return new Fresh<>(account, referenceAsOf, staleness);
        });
  }

  @Override
  public Fresh<List<TimeEntry>> entries(Instant from, Instant toExclusive) {
    return locked(
        () -> {
          ensureEntries(policy.entries());
          String note = staleness;
          if (from.isBefore(coveredFrom)) {
            note = joined(note, backfill(from));
          }
          return new Fresh<>(entries.between(from, toExclusive), entriesAsOf, note);
        });
  }

  @Override
  public Fresh<Optional<TimeEntry>> runningEntry() {
    return locked(
        () -> {
          ensureEntries(policy.running());
          return new Fresh<>(entries.running(), entriesAsOf, staleness);
        });
  }

  @Override
  public Fresh<Optional<TimeEntry>> entry(long id) {
    return locked(
        () -> {
          ensureEntries(policy.entries());
          Optional<TimeEntry> held = entries.get(id);
          if (held.isPresent()) {
            return new Fresh<>(held, entriesAsOf, staleness);
          }
          try {
            TimeEntry fetched = client.timeEntry(id);
            Optional<TimeEntry> found =
                fetched.isDeleted() ? Optional.empty() : Optional.of(fetched);
            return new Fresh<>(found, clock.instant(), null);
          } catch (TogglException.NotFound e) {
            return new Fresh<>(Optional.<TimeEntry>empty(), clock.instant(), null);
          }
        });
  }

  @Override
  public CacheStatus status() {
    CacheDatabase opened = db;
    return new CacheStatus(
        opened == null ? "not opened yet" : opened.location(),
        entries.size(),
        entriesAsOf.equals(Instant.EPOCH) ? null : entriesAsOf,
        coveredFrom.equals(Instant.MAX) ? null : coveredFrom);
  }

  /** Requests this process has sent to Toggl. */
  public long requestsMade() {
    return client.http().requestsMade();
  }

  private void ensureEntries(Duration window) {
    ensureStarted();
    if (!older(entriesAsOf, window)) {
      return;
    }
    if (!quota.allows(QuotaBucket.USER)) {
      staleness = quota.note(entriesAsOf);
      return;
    }
    attempt(this::syncChanges);
  }

  /** Loads what the file holds, or bootstraps from Toggl when it holds nothing. */
  private void ensureStarted() {
    if (db == null) {
      db = opener.get();
      load();
    } else if (db.dataVersion() != dataVersion) {
      LOG.debug("another process updated the cache; reloading it");
      load();
    }
    if (account == null) {
      bootstrap();
    }
  }

  private void load() {
    Map<String, String> meta = db.meta();
    dataVersion = db.dataVersion();
    String snapshot = meta.get("account");
    if (snapshot == null) {
      return;
    }
    try {
      account = json.readValue(snapshot, AccountSnapshot.class).toAccount();
    } catch (JsonProcessingException e) {
      LOG.warn("The cached account could not be read; it will be loaded from Toggl again.");
      return;
    }
    referenceAsOf = instant(meta.get("reference_as_of"));
    entriesAsOf = instant(meta.get("entries_as_of"));
    cursor = instant(meta.get("since_cursor"));
    coveredFrom = Instant.parse(meta.getOrDefault("covered_from", Instant.MAX.toString()));
    entries = EntrySet.of(db.entries());
  }

  private void bootstrap() {
    Instant now = clock.instant();
    RelatedData related = client.meWithRelatedData();
    ZoneId zone = related.account().user().zone();
    Instant windowStart =
        LocalDate.ofInstant(now, zone).minusDays(V9_WINDOW_DAYS).atStartOfDay(zone).toInstant();
    List<TimeEntry> window = client.timeEntries(windowStart, now.plus(Duration.ofDays(1)));
    List<TimeEntry> all = new ArrayList<>(related.recentEntries());
    all.addAll(window);
    account = related.account();
    entries = EntrySet.of(all);
    referenceAsOf = now;
    entriesAsOf = now;
    coveredFrom = windowStart;
    cursor = entries.newestChange().orElse(now);
    staleness = null;
    save(all, List.of(), metaOf(true));
    LOG.info("Cache filled: {} entries since {}", entries.size(), windowStart);
  }

  private void syncChanges() {
    Instant now = clock.instant();
    List<TimeEntry> changes = client.timeEntriesSince(cursor.minus(SINCE_OVERLAP));
    List<TimeEntry> upserts = new ArrayList<>();
    List<Long> deletions = new ArrayList<>();
    Instant newest = cursor;
    for (TimeEntry e : changes) {
      if (e.isDeleted()) {
        deletions.add(e.id());
      } else {
        upserts.add(e);
      }
      if (e.at() != null && e.at().isAfter(newest)) {
        newest = e.at();
      }
    }
    if (mentionsUnknownReference(upserts) && older(lastUnknownRefresh, Duration.ofMinutes(1))) {
      lastUnknownRefresh = now;
      refreshReference(upserts);
    }
    entries = entries.with(upserts, deletions);
    cursor = newest;
    entriesAsOf = now;
    staleness = null;
    save(upserts, deletions, metaOf(false));
  }

  /** Reads the user and reference data again; {@code pending} entries are saved with it. */
  private void refreshReference(List<TimeEntry> pending) {
    RelatedData related = client.meWithRelatedData();
    account = related.account();
    referenceAsOf = clock.instant();
    List<TimeEntry> upserts = new ArrayList<>(related.recentEntries());
    upserts.addAll(pending);
    entries = entries.with(upserts, List.of());
    save(upserts, List.of(), metaOf(true));
  }

  /**
   * Brings entries older than what is held from the Reports API, every workspace, back to {@code
   * from}; returns a note when part of it could not be loaded.
   */
  private @Nullable String backfill(Instant from) {
    ZoneId zone = account.user().zone();
    Instant earliest = from;
    if (account.user().createdAt() != null && earliest.isBefore(account.user().createdAt())) {
      earliest = account.user().createdAt(); // nothing was tracked before the account existed
    }
    LocalDate firstDay = LocalDate.ofInstant(earliest, zone);
    LocalDate lastDay = LocalDate.ofInstant(coveredFrom, zone);
    Instant newCoveredFrom = LocalDate.ofInstant(from, zone).atStartOfDay(zone).toInstant();
    List<TimeEntry> found = new ArrayList<>();
    String note = null;
    for (Workspace w : account.workspaces()) {
      if (!quota.allows(QuotaBucket.ORGANIZATION)) {
        return "History before " + lastDay + " could not be loaded now: " + quota.note(entriesAsOf);
      }
      try {
        found.addAll(reports.get().timeEntries(w.id(), account.user().id(), firstDay, lastDay));
      } catch (TogglException.FeatureNotInPlan e) {
        note =
            joined(
                note,
                "Workspace \""
                    + w.name()
                    + "\" does not offer history before "
                    + lastDay
                    + " on its plan, so it is missing from this answer.");
      } catch (TogglException e) {
        return "History before " + lastDay + " could not be loaded: " + e.getMessage();
      }
    }
    List<TimeEntry> upserts = found.stream().filter(e -> !entries.contains(e.id())).toList();
    entries = entries.with(upserts, List.of());
    coveredFrom = newCoveredFrom;
    save(upserts, List.of(), metaOf(false));
    return note;
  }

  /**
   * Writes a sync to the file. When the disk refuses (full, gone read-only) the answer still comes
   * from memory, which already holds the sync; the file simply misses it and the next process
   * catches up with Toggl.
   */
  private void save(List<TimeEntry> upserts, List<Long> deletions, Map<String, String> meta) {
    try {
      db.apply(upserts, deletions, meta);
      dataVersion = db.dataVersion();
    } catch (IllegalStateException diskRefused) {
      if (!cacheWriteFailed) {
        LOG.warn(
            "The cache file could not be written ({}); answers keep coming from memory.",
            diskRefused.getCause() == null
                ? "unknown reason"
                : diskRefused.getCause().getMessage());
      }
      cacheWriteFailed = true;
    }
  }

  private boolean mentionsUnknownReference(List<TimeEntry> changed) {
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

  private Map<String, String> metaOf(boolean withAccount) {
    Map<String, String> meta = new HashMap<>();
    if (withAccount) {
      try {
        meta.put("account", json.writeValueAsString(AccountSnapshot.of(account)));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("the account could not be written to the cache", e);
      }
      meta.put("reference_as_of", referenceAsOf.toString());
    }
    meta.put("entries_as_of", entriesAsOf.toString());
    meta.put("since_cursor", cursor.toString());
    meta.put("covered_from", coveredFrom.toString());
    return meta;
  }

  /** Runs a sync; when Toggl cannot answer, keeps what is held and notes why it may be old. */
  private void attempt(Runnable sync) {
    try {
      sync.run();
    } catch (TogglException e) {
      LOG.warn("Toggl could not be asked ({}); answering from the cache.", e.kind());
      staleness = e.getMessage() + " Answering from data cached at " + entriesAsOf + ".";
    }
  }

  private boolean older(Instant asOf, Duration window) {
    return !clock.instant().isBefore(asOf.plus(window));
  }

  private static @Nullable String joined(@Nullable String a, @Nullable String b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : a + " " + b;
  }

  private <T> T locked(Supplier<T> work) {
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  private static Instant instant(@Nullable String text) {
    return text == null ? Instant.EPOCH : Instant.parse(text);
  }
}
