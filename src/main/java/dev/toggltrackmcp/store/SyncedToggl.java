package dev.toggltrackmcp.store;

import dev.toggltrackmcp.toggl.Purpose;
import dev.toggltrackmcp.toggl.QuotaBucket;
import dev.toggltrackmcp.toggl.TogglClient;
import dev.toggltrackmcp.toggl.TogglException;
import dev.toggltrackmcp.toggl.TogglHttp;
import dev.toggltrackmcp.toggl.TogglReports;
import dev.toggltrackmcp.toggl.TogglWrites;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import dev.toggltrackmcp.toggl.model.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Toggl data through the cache. Questions read the current {@link Snapshot} and, while it is fresh,
 * never wait for anything. When it is not, the {@link Sync} runs once for all who need it, on a
 * background thread, and each question waits for it only within its {@link Patience} budget; past
 * that, or when Toggl cannot be asked (quota, outage, revoked token), the answer comes from what is
 * held with a note saying how old it is. Every change — a sync, a history load, a write's result —
 * goes through {@link #apply}, which swaps the snapshot and saves the change as one unit.
 */
public final class SyncedToggl implements TogglData {
  private static final Logger LOG = LoggerFactory.getLogger(SyncedToggl.class);
  private static final String RECENT = "recent";
  private static final String HISTORY = "history";
  private static final int MOST_REMEMBERED_GONE = 10_000;

  /** A snapshot as one question saw it, with what the answer must say about it. */
  private record Seen(Snapshot snapshot, @Nullable String note) {}

  private final TogglClient client;
  private final Sync sync;
  private final Supplier<CacheStore> opener;
  private final Clock clock;
  private final FreshnessPolicy policy;
  private final Patience patience;
  private final QuotaReserve quota;
  private final SingleFlight flights = new SingleFlight("toggl-sync");
  private final AtomicReference<Snapshot> held = new AtomicReference<>(Snapshot.EMPTY);
  private final Set<Long> gone = ConcurrentHashMap.newKeySet();
  private final Object commits = new Object();
  private final List<Runnable> runningWatchers = new CopyOnWriteArrayList<>();
  private final List<Progress> historyWaiters = new CopyOnWriteArrayList<>();
  private volatile @Nullable CacheStore store;
  private final TeamCache team;
  private final EntryWriter writer;
  private final CreatedHere createdHere = new CreatedHere();

  SyncedToggl(
      TogglClient client,
      Supplier<TogglReports> reports,
      Supplier<CacheStore> opener,
      Clock clock,
      FreshnessPolicy policy,
      Patience patience) {
    this.client = client;
    this.opener = opener;
    this.clock = clock;
    this.policy = policy;
    this.patience = patience;
    this.quota = new QuotaReserve(client.http().quota(), clock, policy.lowQuota());
    this.sync = new Sync(client, reports, clock, quota, new ResumePoints(this::store, clock));
    this.team =
        new TeamCache(
            new TogglClient(client.http().forPurpose(Purpose.TEAM)),
            new TogglReports(client.http().forPurpose(Purpose.TEAM)),
            this::store,
            () -> {
              Account a = held.get().account();
              return a == null ? ZoneOffset.UTC : a.user().zone();
            },
            clock,
            policy,
            patience);
    TogglHttp writing = client.http().forPurpose(Purpose.WRITE);
    this.writer =
        new EntryWriter(
            new TogglWrites(writing), new TogglClient(writing), this, clock, policy.running());
  }

  /** Data for one account, cached in {@code file} ({@code null}: in memory only). */
  public static SyncedToggl create(
      TogglClient client, @Nullable Path file, Clock clock, FreshnessPolicy policy) {
    return create(client, file, clock, policy, Patience.of(Patience.DEFAULT));
  }

  public static SyncedToggl create(
      TogglClient client,
      @Nullable Path file,
      Clock clock,
      FreshnessPolicy policy,
      Patience patience) {
    TogglReports reports = new TogglReports(client.http().forPurpose(Purpose.BACKFILL));
    return new SyncedToggl(
        client, () -> reports, () -> CacheDatabase.open(file), clock, policy, patience);
  }

  @Override
  public Fresh<Account> account() {
    Patience.Budget budget = patience.start();
    Snapshot s = started(budget);
    String note = s.syncNote();
    if (older(s.referenceAsOf(), policy.reference()) && quota.allows(QuotaBucket.USER)) {
      Seen seen =
          refreshed(
              budget, snap -> older(snap.referenceAsOf(), policy.reference()), sync::reference);
      s = seen.snapshot();
      note = seen.note();
    }
    return new Fresh<>(s.account(), s.referenceAsOf(), note);
  }

  @Override
  public Fresh<List<TimeEntry>> entries(Instant from, Instant toExclusive) {
    Patience.Budget budget = patience.start();
    Seen seen = fresh(budget, policy.entries());
    Snapshot s = seen.snapshot();
    String note = seen.note();
    if (from.isBefore(s.coveredFrom())) {
      Seen history = history(budget, from);
      s = history.snapshot();
      note = Sync.joined(note, history.note());
    }
    // while history is incomplete the answer is exactly the part its note says it covers
    Instant start = from.isBefore(s.coveredFrom()) ? s.coveredFrom() : from;
    return new Fresh<>(s.entries().between(start, toExclusive), s.entriesAsOf(), note);
  }

  @Override
  public Fresh<Optional<TimeEntry>> runningEntry() {
    Seen seen = fresh(patience.start(), policy.running());
    return new Fresh<>(
        seen.snapshot().entries().running(), seen.snapshot().entriesAsOf(), seen.note());
  }

  @Override
  public Fresh<Optional<TimeEntry>> entry(long id) {
    Patience.Budget budget = patience.start();
    Seen seen = fresh(budget, policy.entries());
    Snapshot s = seen.snapshot();
    Optional<TimeEntry> held = s.entries().get(id);
    if (held.isPresent() || gone.contains(id)) {
      return new Fresh<>(held, s.entriesAsOf(), seen.note());
    }
    CompletableFuture<Optional<TimeEntry>> lookup = flights.run("entry " + id, () -> lookUp(id));
    if (!waited(budget, lookup)) {
      throw new TogglException.Slow(budget.length());
    }
    return new Fresh<>(outcome(lookup), clock.instant(), null);
  }

  /** One entry Toggl may know though the cache does not (older than what is held). */
  private Optional<TimeEntry> lookUp(long id) {
    try {
      TimeEntry fetched = client.timeEntry(id);
      if (!fetched.isDeleted()) {
        return Optional.of(fetched);
      }
    } catch (TogglException.NotFound e) {
      // remembered below, so asking again costs nothing
    }
    if (gone.size() >= MOST_REMEMBERED_GONE) {
      gone.clear();
    }
    gone.add(id);
    return Optional.empty();
  }

  @Override
  public Optional<Account> heldAccount() {
    return Optional.ofNullable(loaded().account());
  }

  @Override
  public CacheStatus status() {
    CacheStore opened = store;
    Snapshot s = held.get();
    return new CacheStatus(
        opened == null ? "not opened yet" : opened.location(),
        s.entries().size(),
        s.entriesAsOf().equals(Instant.EPOCH) ? null : s.entriesAsOf(),
        s.coveredFrom().equals(Instant.MAX) ? null : s.coveredFrom());
  }

  /** Other people's time from the Reports API, cached in the same file. */
  public TeamData team() {
    return team;
  }

  /**
   * Changes to the user's Toggl data, each sent exactly once and applied to what is held, so every
   * read after a write reflects it without a request.
   */
  public TimeEntryWrites writes() {
    return writer;
  }

  /** Requests this process has sent to Toggl. */
  public long requestsMade() {
    return client.http().requestsMade();
  }

  /**
   * The one path by which anything changes what is held: swaps in the snapshot with {@code change}
   * applied and saves the change, both under one lock so the file never goes back in time.
   */
  public void apply(Change change) {
    commit(change);
  }

  /**
   * Calls {@code watcher} (on the thread that made the change) whenever the running entry changes:
   * started, stopped or edited, seen by a sync or by a write's result.
   */
  public void whenRunningEntryChanges(Runnable watcher) {
    runningWatchers.add(watcher);
  }

  /**
   * Applies the change that {@code learned} makes of what is held now, computed under the commit
   * lock: for a write whose result depends on the held copy (an edit applied locally, a tag added
   * to the account), so no concurrent commit slips in between.
   */
  void applyOnHeld(Function<Snapshot, Change> learned) {
    synchronized (commits) {
      store();
      commit(learned.apply(held.get()));
    }
  }

  /** Tags, clients and projects created by this process, for commits to keep (see there). */
  CreatedHere createdHere() {
    return createdHere;
  }

  /** What is held now (opening the cache file first if needed); never Toggl. */
  Snapshot heldSnapshot() {
    return loaded();
  }

  private Snapshot commit(Change change) {
    Snapshot before;
    Snapshot after;
    synchronized (commits) {
      CacheStore opened = store();
      before = held.get();
      // what a sync read before a write must not undo: older upserts, tags created meanwhile
      Change kept =
          createdHere.keptIn(change.withUpserts(before.entries().newerOnly(change.upserts())));
      after = held.updateAndGet(s -> s.with(kept));
      opened.save(after, kept);
    }
    for (long id : change.deletions()) {
      if (gone.size() >= MOST_REMEMBERED_GONE) {
        gone.clear();
      }
      gone.add(id);
    }
    if (after.account() != before.account()) {
      knowOrganizations(after);
    }
    if (before.account() != null && !before.entries().running().equals(after.entries().running())) {
      runningWatchers.forEach(Runnable::run);
    }
    return after;
  }

  /** The snapshot, bootstrapped from Toggl when neither memory nor the file holds an account. */
  private Snapshot started(Patience.Budget budget) {
    Snapshot s = loaded();
    if (s.account() != null) {
      return s;
    }
    return refreshed(budget, snap -> snap.account() == null, sync::bootstrap).snapshot();
  }

  /** What memory or the file holds (reloaded when another process changed it); never Toggl. */
  private Snapshot loaded() {
    CacheStore opened = store();
    if (opened.changedElsewhere()) {
      LOG.debug("another process updated the cache; reloading it");
      synchronized (commits) {
        Snapshot loaded = opened.load();
        if (loaded.account() != null) {
          held.set(loaded);
          knowOrganizations(loaded);
        }
      }
    }
    return held.get();
  }

  /** The snapshot with entries no older than {@code window}, as far as Toggl and the budget let. */
  private Seen fresh(Patience.Budget budget, Duration window) {
    Snapshot s = started(budget);
    if (!older(s.entriesAsOf(), window)) {
      return new Seen(s, s.syncNote());
    }
    if (!quota.allows(QuotaBucket.USER)) {
      return new Seen(s, quota.note(s.entriesAsOf()));
    }
    return refreshed(
        budget, snap -> older(snap.entriesAsOf(), window), () -> sync.changesSince(held.get()));
  }

  /**
   * Runs {@code work} (or joins recent-data work already running) until the snapshot is no longer
   * {@code stale}, within the budget. When nothing is held yet, a failure is thrown; otherwise it
   * becomes the answer's note.
   */
  private Seen refreshed(Patience.Budget budget, Predicate<Snapshot> stale, Supplier<Change> work) {
    for (int round = 0; round < 2 && stale.test(held.get()); round++) {
      CompletableFuture<Boolean> flight = flights.run(RECENT, () -> attempt(work));
      if (!waited(budget, flight)) {
        if (held.get().account() == null) {
          throw new TogglException.Slow(budget.length());
        }
        return new Seen(
            held.get(),
            "Toggl has not answered within "
                + budget.length().toSeconds()
                + " s, so this answer uses data cached at "
                + held.get().entriesAsOf()
                + "; the refresh goes on and the next question will have it.");
      }
      if (!outcome(flight)) {
        break; // it failed and said why in the snapshot's note; one attempt per question
      }
    }
    Snapshot s = held.get();
    return new Seen(s, s.syncNote());
  }

  /**
   * Runs one sync; true when it worked. When Toggl cannot answer, what is held stays and a note
   * says why it may be old; with nothing held, the failure is thrown.
   */
  private boolean attempt(Supplier<Change> work) {
    try {
      commit(work.get());
      return true;
    } catch (TogglException e) {
      LOG.warn("Toggl could not be asked ({}); answering from the cache.", e.kind());
      Snapshot noted =
          held.updateAndGet(
              s ->
                  s.account() == null
                      ? s
                      : s.noted(
                          e.getMessage()
                              + " Answering from data cached at "
                              + s.entriesAsOf()
                              + "."));
      if (noted.account() == null) {
        throw e;
      }
      return false;
    }
  }

  /**
   * Loads history back to {@code from}, as far as the budget lets, and says what is missing. A
   * question that asked for progress hears about every page while it waits.
   */
  private Seen history(Patience.Budget budget, Instant from) {
    Progress progress = Progress.current();
    if (progress != null) {
      historyWaiters.add(progress);
    }
    try {
      return loadHistory(budget, from);
    } finally {
      historyWaiters.remove(progress);
    }
  }

  private Seen loadHistory(Patience.Budget budget, Instant from) {
    String note = null;
    for (int round = 0; round < 2 && from.isBefore(held.get().coveredFrom()); round++) {
      CompletableFuture<@Nullable String> flight = flights.run(HISTORY, () -> historyLoad(from));
      if (!waited(budget, flight)) {
        LocalDate loadedFrom =
            LocalDate.ofInstant(held.get().coveredFrom(), held.get().account().user().zone());
        return new Seen(
            held.get(),
            "History before "
                + loadedFrom
                + " is still loading from Toggl's Reports API (it did not finish within "
                + budget.length().toSeconds()
                + " s), so this answer covers "
                + loadedFrom
                + " onwards only; ask again in a minute for the whole range.");
      }
      try {
        note = Sync.joined(note, outcome(flight));
      } catch (Sync.HistoryUnavailable e) {
        return new Seen(held.get(), e.getMessage());
      }
    }
    return new Seen(held.get(), note);
  }

  /** One history load: every page kept as it comes, and those waiting told about it. */
  private @Nullable String historyLoad(Instant from) {
    Snapshot start = held.get();
    LocalDate before = LocalDate.ofInstant(start.coveredFrom(), start.account().user().zone());
    AtomicInteger pages = new AtomicInteger();
    AtomicInteger entries = new AtomicInteger();
    Sync.History done =
        sync.history(
            held::get,
            from,
            page -> {
              commit(page);
              int n = pages.incrementAndGet();
              int brought = entries.addAndGet(page.upserts().size());
              String message =
                  "Loading your history before "
                      + before
                      + " from Toggl's Reports API: "
                      + n
                      + (n == 1 ? " page" : " pages")
                      + " so far, "
                      + brought
                      + " entries.";
              historyWaiters.forEach(w -> w.loaded(n, message));
            });
    commit(done.change());
    return done.note();
  }

  private static boolean waited(Patience.Budget budget, CompletableFuture<?> work) {
    try {
      return budget.waitFor(work);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The finished work's result, or what it threw. */
  private static <T> T outcome(CompletableFuture<T> finished) {
    try {
      return finished.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  private CacheStore store() {
    CacheStore opened = store;
    if (opened == null) {
      synchronized (commits) {
        opened = store;
        if (opened == null) {
          opened = opener.get();
          held.set(opened.load());
          knowOrganizations(held.get());
          store = opened;
        }
      }
    }
    return opened;
  }

  /** Tells the quota watch which organization each workspace's requests count against. */
  private void knowOrganizations(Snapshot s) {
    if (s.account() == null) {
      return;
    }
    Map<Long, Long> organizations = new HashMap<>();
    for (Workspace w : s.account().workspaces()) {
      if (w.organizationId() != null) {
        organizations.put(w.id(), w.organizationId());
      }
    }
    client.http().quota().knowOrganizations(organizations);
  }

  private boolean older(Instant asOf, Duration window) {
    return !clock.instant().isBefore(asOf.plus(window));
  }
}
