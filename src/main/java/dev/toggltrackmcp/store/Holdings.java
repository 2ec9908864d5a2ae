package dev.toggltrackmcp.store;

import dev.toggltrackmcp.toggl.model.Workspace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is held of the account, in memory and in the cache file, and the one path by which it
 * changes: {@link #commit} swaps in the snapshot with a change applied and saves that change, under
 * one lock so the file never goes back in time. Syncs, history pages and writes all commit here;
 * reads take the current snapshot and never wait for a commit. Knows nothing of Toggl or freshness.
 */
final class Holdings {
  private static final Logger LOG = LoggerFactory.getLogger(Holdings.class);
  private static final int MOST_REMEMBERED_GONE = 10_000;

  private final Supplier<CacheStore> opener;
  private final Consumer<Map<Long, Long>> organizations;
  private final AtomicReference<Snapshot> held = new AtomicReference<>(Snapshot.EMPTY);
  private final Object commits = new Object();
  private final Set<Long> gone = ConcurrentHashMap.newKeySet();
  private final List<Runnable> runningWatchers = new CopyOnWriteArrayList<>();
  private final CreatedHere createdHere = new CreatedHere();
  private volatile @Nullable CacheStore store;

  /**
   * @param opener opens the cache store on first use
   * @param organizations told, whenever the account changes, which organization each workspace
   *     belongs to (for the quota buckets)
   */
  Holdings(Supplier<CacheStore> opener, Consumer<Map<Long, Long>> organizations) {
    this.opener = opener;
    this.organizations = organizations;
  }

  /** The snapshot as held in memory right now (nothing opened or reloaded). */
  Snapshot current() {
    return held.get();
  }

  /** What memory or the file holds, reloaded when another process changed the file. */
  Snapshot loaded() {
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

  /** The cache store, opened (and its snapshot loaded) on first use. */
  CacheStore store() {
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

  /** The store if it was opened already; null before the first use. */
  @Nullable CacheStore storeIfOpen() {
    return store;
  }

  /**
   * Applies {@code change} and saves it. What a sync read before a write must not undo is kept: an
   * upsert no newer than the held copy is dropped, tags and the like created meanwhile stay.
   */
  Snapshot commit(Change change) {
    Snapshot before;
    Snapshot after;
    synchronized (commits) {
      CacheStore opened = store();
      before = held.get();
      Change kept =
          createdHere.keptIn(change.withUpserts(before.entries().newerOnly(change.upserts())));
      after = held.updateAndGet(s -> s.with(kept));
      opened.save(after, kept);
    }
    change.deletions().forEach(this::rememberGone);
    if (after.account() != before.account()) {
      knowOrganizations(after);
    }
    if (before.account() != null && !before.entries().running().equals(after.entries().running())) {
      runningWatchers.forEach(Runnable::run);
    }
    return after;
  }

  /**
   * Commits the change that {@code learned} makes of what is held, computed under the commit lock:
   * for a write whose result depends on the held copy (an edit applied locally, a tag added to the
   * account), so no other commit slips in between.
   */
  void commitOnHeld(Function<Snapshot, Change> learned) {
    synchronized (commits) {
      store();
      commit(learned.apply(held.get()));
    }
  }

  /** Changes the held snapshot in memory only (a note on why it may be old); not saved. */
  Snapshot mark(UnaryOperator<Snapshot> marking) {
    return held.updateAndGet(marking);
  }

  /** Whether Toggl said this entry does not exist (or this process deleted it). */
  boolean isGone(long id) {
    return gone.contains(id);
  }

  /** Remembers that Toggl does not know {@code id}, so asking again costs nothing. */
  void rememberGone(long id) {
    if (gone.size() >= MOST_REMEMBERED_GONE) {
      gone.clear();
    }
    gone.add(id);
  }

  /** Tags, clients and projects created by this process, for commits to keep. */
  CreatedHere createdHere() {
    return createdHere;
  }

  /** Calls {@code watcher} on the committing thread whenever the running entry changes. */
  void whenRunningEntryChanges(Runnable watcher) {
    runningWatchers.add(watcher);
  }

  private void knowOrganizations(Snapshot s) {
    if (s.account() == null) {
      return;
    }
    Map<Long, Long> byWorkspace = new HashMap<>();
    for (Workspace w : s.account().workspaces()) {
      if (w.organizationId() != null) {
        byWorkspace.put(w.id(), w.organizationId());
      }
    }
    organizations.accept(byWorkspace);
  }
}
