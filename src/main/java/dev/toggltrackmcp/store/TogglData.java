package dev.toggltrackmcp.store;

import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the tools read: the account and its time entries, as fresh as the freshness policy wants and
 * at the lowest cost in Toggl requests. Methods throw a {@code TogglException} only when no usable
 * data exists (nothing cached and Toggl refuses or is unreachable); otherwise they answer from what
 * is held and say how old it is.
 */
public interface TogglData {

  /** The user and reference data (workspaces, projects, clients, tags, tasks). */
  Fresh<Account> account();

  /**
   * Entries (not deleted) that start in {@code [from, toExclusive)}, newest start first, the
   * running one included. Reaches beyond Toggl's 90-day window through the Reports API.
   */
  Fresh<List<TimeEntry>> entries(Instant from, Instant toExclusive);

  /** The running entry, checked with Toggl more often than the rest. */
  Fresh<Optional<TimeEntry>> runningEntry();

  /** One entry by id, from what is held or else from Toggl; empty when Toggl does not know it. */
  Fresh<Optional<TimeEntry>> entry(long id);

  /**
   * The account as held (memory or the cache file), without asking Toggl; empty before any sync.
   */
  Optional<Account> heldAccount();

  /** A description of the cache for {@code /health} and {@code check}; never calls Toggl. */
  CacheStatus status();
}
