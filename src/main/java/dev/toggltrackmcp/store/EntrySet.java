package dev.toggltrackmcp.store;

import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable snapshot of the cached entries, sorted newest start first, answering range questions
 * by binary search so a year of history costs microseconds, not a scan.
 */
final class EntrySet {
  private static final Comparator<TimeEntry> NEWEST_FIRST =
      Comparator.comparing(TimeEntry::start).reversed().thenComparing(TimeEntry::id);

  /** Ids deleted while this process ran, remembered so a late, older copy cannot revive them. */
  private static final int MOST_REMEMBERED_DELETIONS = 5_000;

  private final TimeEntry[] newestFirst;
  private final Map<Long, TimeEntry> byId;
  private final Set<Long> deleted;

  private EntrySet(Map<Long, TimeEntry> byId, Set<Long> deleted) {
    this.byId = byId;
    this.deleted = deleted;
    this.newestFirst = byId.values().toArray(TimeEntry[]::new);
    Arrays.sort(newestFirst, NEWEST_FIRST);
  }

  static EntrySet of(Collection<TimeEntry> entries) {
    Map<Long, TimeEntry> byId = new HashMap<>();
    for (TimeEntry e : entries) {
      if (!e.isDeleted()) {
        byId.put(e.id(), e);
      }
    }
    return new EntrySet(byId, Set.of());
  }

  /** A new set with {@code upserts} applied and {@code deletions} removed. */
  EntrySet with(Collection<TimeEntry> upserts, Collection<Long> deletions) {
    Map<Long, TimeEntry> next = new HashMap<>(byId);
    for (TimeEntry e : upserts) {
      next.put(e.id(), e);
    }
    deletions.forEach(next::remove);
    Set<Long> gone = deleted;
    if (!deletions.isEmpty()) {
      gone = new LinkedHashSet<>(deleted.size() > MOST_REMEMBERED_DELETIONS ? Set.of() : deleted);
      gone.addAll(deletions);
      gone = Collections.unmodifiableSet(gone);
    }
    return new EntrySet(next, gone);
  }

  /**
   * Of {@code upserts}, those that are news to this set: not an id deleted meanwhile, and not a
   * copy older than (or as old as) the one held, by Toggl's {@code at}. A sync that read Toggl
   * before a write and commits after it thus never puts back what the write replaced.
   */
  List<TimeEntry> newerOnly(List<TimeEntry> upserts) {
    List<TimeEntry> kept = new ArrayList<>(upserts.size());
    for (TimeEntry e : upserts) {
      if (deleted.contains(e.id())) {
        continue;
      }
      TimeEntry held = byId.get(e.id());
      boolean older =
          held != null && held.at() != null && e.at() != null && !e.at().isAfter(held.at());
      if (!older || e.equals(held)) {
        kept.add(e);
      }
    }
    return kept.size() == upserts.size() ? upserts : kept;
  }

  /** Every entry held, in no particular order. */
  Collection<TimeEntry> all() {
    return byId.values();
  }

  int size() {
    return newestFirst.length;
  }

  Optional<TimeEntry> get(long id) {
    return Optional.ofNullable(byId.get(id));
  }

  boolean contains(long id) {
    return byId.containsKey(id);
  }

  /** Entries starting in {@code [from, toExclusive)}, newest first. */
  List<TimeEntry> between(Instant from, Instant toExclusive) {
    int first = firstStartingBefore(toExclusive);
    List<TimeEntry> result = new ArrayList<>();
    for (int i = first; i < newestFirst.length && !newestFirst[i].start().isBefore(from); i++) {
      result.add(newestFirst[i]);
    }
    return result;
  }

  /** The running entry with the latest start, if any. */
  Optional<TimeEntry> running() {
    for (TimeEntry e : newestFirst) {
      if (e.isRunning()) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** Newest {@code at} among the entries: where the next {@code since} sync can start. */
  Optional<Instant> newestChange() {
    return byId.values().stream()
        .map(TimeEntry::at)
        .filter(a -> a != null)
        .max(Comparator.naturalOrder());
  }

  private int firstStartingBefore(Instant toExclusive) {
    int lo = 0;
    int hi = newestFirst.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (newestFirst[mid].start().isBefore(toExclusive)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
