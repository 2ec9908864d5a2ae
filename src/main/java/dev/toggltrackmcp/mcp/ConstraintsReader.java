package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.toggl.TogglClient;
import dev.toggltrackmcp.toggl.TogglException;
import dev.toggltrackmcp.toggl.model.TimeEntryConstraints;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each workspace's time entry constraints, read from Toggl once and kept for {@link #KEPT} (they
 * change as rarely as the reference data). A workspace whose constraints cannot be read counts as
 * requiring nothing, and the reason is kept for the answer to say.
 */
final class ConstraintsReader {
  static final Duration KEPT = Duration.ofHours(6);

  private record Held(TimeEntryConstraints constraints, Instant readAt) {}

  /** What is known of the workspaces asked about, and why any is missing. */
  record Read(Map<Long, TimeEntryConstraints> constraints, Map<Long, String> unreadable) {}

  private final TogglClient client;
  private final Clock clock;
  private final Map<Long, Held> held = new ConcurrentHashMap<>();

  ConstraintsReader(TogglClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  Read of(Collection<Long> workspaces) {
    Map<Long, TimeEntryConstraints> known = new LinkedHashMap<>();
    Map<Long, String> unreadable = new LinkedHashMap<>();
    Instant now = clock.instant();
    for (long ws : workspaces) {
      Held h = held.get(ws);
      if (h == null || !now.isBefore(h.readAt().plus(KEPT))) {
        try {
          h = new Held(client.timeEntryConstraints(ws), now);
          held.put(ws, h);
        } catch (TogglException e) {
          if (h == null) {
            unreadable.put(ws, e.getMessage());
            continue;
          }
          // an older reading is better than none: constraints rarely change
        }
      }
      known.put(ws, h.constraints());
    }
    return new Read(known, unreadable);
  }
}
