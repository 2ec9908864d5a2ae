package dev.toggltrackmcp.sandbox;

import dev.toggltrackmcp.sandbox.ProjectMix.Activity;
import dev.toggltrackmcp.sandbox.World.Entry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/** The entries being generated for one person, with Toggl-like ids (10 digits, rising). */
final class EntryBook {
  private final Map<Long, Entry> entries = new LinkedHashMap<>();
  private final long userId;
  private final Random random;
  private long nextId;

  EntryBook(long userId, long firstId, Random random) {
    this.userId = userId;
    this.nextId = firstId;
    this.random = random;
  }

  Entry add(Activity a, Instant start, @Nullable Instant stop) {
    return add(a, start, stop, null);
  }

  Entry add(Activity a, Instant start, @Nullable Instant stop, @Nullable Instant deletedAt) {
    Instant at = deletedAt != null ? deletedAt : stop == null ? start : stop.plusSeconds(30);
    boolean billable = a.project() != null && a.project().billable();
    Entry e =
        new Entry(
            nextId(),
            a.workspaceId(),
            userId,
            a.project() == null ? null : a.project().id(),
            a.taskId(),
            billable,
            start,
            stop,
            a.description(),
            a.tagIds(),
            at,
            deletedAt);
    entries.put(e.id(), e);
    return e;
  }

  /** A second copy of {@code e} under a new id, as a double sync leaves it. */
  Entry duplicate(Entry e) {
    Entry copy = e.copyAs(nextId());
    entries.put(copy.id(), copy);
    return copy;
  }

  Entry get(long id) {
    Entry e = entries.get(id);
    if (e == null) {
      throw new IllegalArgumentException("no entry " + id);
    }
    return e;
  }

  void replace(Entry changed) {
    entries.put(changed.id(), changed);
  }

  List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  private long nextId() {
    long id = nextId;
    nextId += 13 + random.nextInt(5);
    return id;
  }
}
