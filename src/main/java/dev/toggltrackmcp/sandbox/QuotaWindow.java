package dev.toggltrackmcp.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** One hourly quota bucket: the window opens at its first request and lasts an hour. */
final class QuotaWindow {
  private static final Duration HOUR = Duration.ofHours(1);
  private final int limit;
  private Instant opened;
  private int used;

  QuotaWindow(int limit) {
    this.limit = limit;
  }

  /** Counts one request; false when the bucket is already spent. */
  synchronized boolean count(Instant now) {
    if (opened == null || !now.isBefore(opened.plus(HOUR))) {
      opened = now;
      used = 0;
    }
    if (used >= limit) {
      return false;
    }
    used++;
    return true;
  }

  synchronized long resetsIn(Instant now) {
    return opened == null
        ? HOUR.toSeconds()
        : Math.max(0, Duration.between(now, opened.plus(HOUR)).toSeconds());
  }

  synchronized Map<String, String> headers(Instant now) {
    return Map.of(
        "X-Toggl-Quota-Remaining", Integer.toString(Math.max(0, limit - used)),
        "X-Toggl-Quota-Resets-In", Long.toString(resetsIn(now)));
  }

  synchronized void describe(ObjectNode node, Instant now) {
    node.put("remaining", limit - used);
    node.put("total", limit);
    node.put("resets_in_secs", resetsIn(now));
  }
}
