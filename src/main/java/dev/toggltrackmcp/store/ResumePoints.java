package dev.toggltrackmcp.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toggltrackmcp.toggl.TogglJson;
import dev.toggltrackmcp.toggl.TogglReports;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where each workspace's history load stopped, kept in the cache file so the next process goes on
 * from there: after a finished span (its entries are saved, and later edits arrive by {@code since}
 * like any other), or from a row inside a span. Row numbers hold only while the span's entries do
 * not change, so a row older than an hour is not trusted (old entries are rarely edited, and within
 * an hour almost never).
 */
final class ResumePoints {
  static final Duration TRUSTED_FOR = Duration.ofHours(1);
  private static final ObjectMapper JSON = TogglJson.mapper();

  private final Supplier<CacheStore> store;
  private final Clock clock;

  ResumePoints(Supplier<CacheStore> store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  Optional<TogglReports.ResumePoint> find(long workspaceId) {
    Optional<String> saved = store.get().document(key(workspaceId)).filter(t -> !t.isBlank());
    if (saved.isEmpty()) {
      return Optional.empty();
    }
    try {
      JsonNode n = JSON.readTree(saved.get());
      TogglReports.ResumePoint point =
          new TogglReports.ResumePoint(
              LocalDate.parse(n.path("span_first").asText()),
              LocalDate.parse(n.path("span_last").asText()),
              n.path("next_row").asLong(),
              n.path("grouped").asBoolean());
      Instant at = Instant.parse(n.path("saved_at").asText());
      if (!point.spanDone() && clock.instant().isAfter(at.plus(TRUSTED_FOR))) {
        return Optional.empty();
      }
      return Optional.of(point);
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  void keep(long workspaceId, TogglReports.ResumePoint point) {
    ObjectNode n = JSON.createObjectNode();
    n.put("span_first", point.spanFirst().toString());
    n.put("span_last", point.spanLast().toString());
    n.put("next_row", point.nextRow());
    n.put("grouped", point.grouped());
    n.put("saved_at", clock.instant().toString());
    store.get().saveDocument(key(workspaceId), n.toString());
  }

  private static String key(long workspaceId) {
    return "history-resume:" + workspaceId;
  }
}
