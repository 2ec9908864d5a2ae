package dev.toggltrackmcp.store;

import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one sync, history load or write brings to the cache: entries to add or replace, ids to
 * remove, and whichever cursors it moves (null: unchanged). Applied to the snapshot and saved to
 * the file as one unit.
 */
public record Change(
    @Nullable Account account,
    @Nullable Instant referenceAsOf,
    List<TimeEntry> upserts,
    List<Long> deletions,
    @Nullable Instant entriesAsOf,
    @Nullable Instant sinceCursor,
    @Nullable Instant coveredFrom) {

  public Change {
    upserts = List.copyOf(upserts);
    deletions = List.copyOf(deletions);
  }

  /**
   * The result of a write as Toggl answered it: entries as they now are and ids now deleted. It
   * moves no cursor, so the next {@code since} sync still sees everything changed elsewhere.
   */
  /** This change with only {@code kept} of its upserts. */
  Change withUpserts(List<TimeEntry> kept) {
    return kept == upserts
        ? this
        : new Change(
            account, referenceAsOf, kept, deletions, entriesAsOf, sinceCursor, coveredFrom);
  }

  public static Change ofEntries(List<TimeEntry> upserts, List<Long> deletions) {
    return new Change(null, null, upserts, deletions, null, null, null);
  }
}
