package dev.toggltrackmcp.toggl;

import java.util.Locale;

/**
 * Why the server sends a request, for the quota ledger and the pacer's queue: earlier constants are
 * served first, so a write never waits behind a background history load.
 */
public enum Purpose {
  /** Creating, changing or deleting the user's data. */
  WRITE,
  /** Keeping what the user asks about fresh: bootstrap, {@code since}, reference data. */
  SYNC,
  /** Connection checks and quota status. */
  STATUS,
  /** Other people's time from the Reports API. */
  TEAM,
  /** The user's own history older than Toggl's 90-day window, from the Reports API. */
  BACKFILL;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
