package dev.toggltrackmcp.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the cache holds, for {@code /health} and {@code check}.
 *
 * @param location the database file, or "memory" when nothing is kept on disk
 * @param entriesHeld time entries held
 * @param lastSync when entries were last confirmed with Toggl; null before the first sync
 * @param oldestCovered the earliest instant from which entries are complete; null before any sync
 */
public record CacheStatus(
    String location,
    long entriesHeld,
    @Nullable Instant lastSync,
    @Nullable Instant oldestCovered) {}
