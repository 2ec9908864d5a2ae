package dev.toggltrackmcp.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.sandbox.SimulatorOptions;
import dev.toggltrackmcp.testing.SimulatedWorld;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History beyond Toggl's 90 days: loaded newest first, kept page by page, resumed after a stop. */
class HistoryLoadTest {
  private static final String SEARCH = "/reports/api/v3/workspace/{id}/search/time_entries";
  private static final Instant FROM = SimulatedWorld.NOW.minus(Duration.ofDays(300));
  private static final Instant TO = SimulatedWorld.NOW.minus(Duration.ofDays(95));
  @TempDir Path dir;

  private static long expected(SimulatedWorld w, Instant from, Instant to) {
    return w.data().liveEntries().stream()
        .filter(e -> !e.start().isBefore(from) && e.start().isBefore(to))
        .count();
  }

  private static int pagesFromScratch() {
    try (SimulatedWorld w = new SimulatedWorld()) {
      SyncedToggl data = w.synced(null);
      data.entries(FROM, TO);
      return w.simulator.requests().count("POST", SEARCH);
    }
  }

  @Test
  void aLoadStoppedByTheQuotaKeepsItsPagesAndTheNextProcessGoesOnFromTheSameRow() {
    int fromScratch = pagesFromScratch();
    // 6 organization requests an hour: the reserve of 2 stops the load after 4 pages
    try (SimulatedWorld w = new SimulatedWorld(SimulatorOptions.defaults().withQuotas(30, 6))) {
      Path file = dir.resolve("cache.sqlite");
      SyncedToggl first = w.synced(file);
      first.account(); // the bootstrap: Toggl's 90-day window
      Instant windowStart = first.status().oldestCovered();
      Fresh<List<TimeEntry>> partial = first.entries(FROM, TO);
      assertThat(partial.stalenessNote()).get().asString().contains("could not be loaded now");
      assertThat(w.simulator.requests().count("POST", SEARCH)).isEqualTo(4);
      assertThat(partial.value())
          .as("nothing is answered for days not yet complete")
          .hasSize((int) expected(w, windowStart, TO));

      SyncedToggl next = w.synced(file); // a new process on the same file
      Fresh<List<TimeEntry>> answer = partial;
      int hours = 0;
      while (answer.stalenessNote().isPresent() && hours < 30) {
        w.clock.advance(Duration.ofHours(1)); // the quota window resets
        answer = next.entries(FROM, TO);
        hours++;
      }
      assertThat(answer.stalenessNote()).isEmpty();
      assertThat(answer.value()).hasSize((int) expected(w, FROM, TO));
      assertThat(w.simulator.requests().count("POST", SEARCH))
          .as(
              "no page asked for twice over %d hours and two processes; the second process"
                  + " probes Toggl's page size once more",
              hours)
          .isEqualTo(fromScratch + 1);
    }
  }
}
