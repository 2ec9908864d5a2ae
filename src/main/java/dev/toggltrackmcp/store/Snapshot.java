package dev.toggltrackmcp.store;

import dev.toggltrackmcp.toggl.model.Account;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything the cache holds at one moment, immutable: readers take the current snapshot and never
 * wait for a sync, which builds the next one and swaps it in.
 *
 * @param account the user and reference data; null until the first bootstrap
 * @param referenceAsOf when the account was last read from Toggl
 * @param entries the user's entries, deleted ones removed
 * @param entriesAsOf when entries were last confirmed with Toggl (the freshness window counts from
 *     here)
 * @param sinceCursor where the next {@code since} request starts
 * @param coveredFrom entries are complete from this instant on; {@link Instant#MAX} before any
 * @param syncNote why the last attempt to refresh failed, for answers to show; null when it did not
 */
record Snapshot(
    @Nullable Account account,
    Instant referenceAsOf,
    EntrySet entries,
    Instant entriesAsOf,
    Instant sinceCursor,
    Instant coveredFrom,
    @Nullable String syncNote) {

  static final Snapshot EMPTY =
      new Snapshot(
          null,
          Instant.EPOCH,
          EntrySet.of(List.of()),
          Instant.EPOCH,
          Instant.EPOCH,
          Instant.MAX,
          null);

  /**
   * This snapshot with {@code change} applied; a change that confirms freshness clears the note.
   */
  Snapshot with(Change change) {
    return new Snapshot(
        change.account() != null ? change.account() : account,
        change.referenceAsOf() != null ? change.referenceAsOf() : referenceAsOf,
        change.upserts().isEmpty() && change.deletions().isEmpty()
            ? entries
            : entries.with(change.upserts(), change.deletions()),
        change.entriesAsOf() != null ? change.entriesAsOf() : entriesAsOf,
        change.sinceCursor() != null ? change.sinceCursor() : sinceCursor,
        change.coveredFrom() != null && change.coveredFrom().isBefore(coveredFrom)
            ? change.coveredFrom()
            : coveredFrom,
        change.entriesAsOf() != null ? null : syncNote);
  }

  Snapshot noted(String note) {
    return new Snapshot(
        account, referenceAsOf, entries, entriesAsOf, sinceCursor, coveredFrom, note);
  }
}
