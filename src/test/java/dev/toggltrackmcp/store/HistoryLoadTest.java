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
  void aLoadStoppedByTheQuotaKeepsItsPagesAndTheNextProcessResumesNewestFirst() {
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
      Instant reached = first.status().oldestCovered();
      assertThat(reached).as("newest pages first").isBefore(windowStart);
      assertThat(partial.value())
          .as("what was loaded is answered")
          .hasSize((int) expected(w, reached, TO))
          .isNotEmpty();

      SyncedToggl next = w.synced(file); // a new process on the same file
      Fresh<List<TimeEntry>> answer = partial;
      int resumes = 0;
      while (answer.stalenessNote().isPresent() && resumes < 30) {
        w.clock.advance(Duration.ofHours(1)); // the quota window resets
        answer = next.entries(FROM, TO);
        resumes++;
      }
      assertThat(answer.stalenessNote()).isEmpty();
      assertThat(answer.value()).hasSize((int) expected(w, FROM, TO));
      assertThat(w.simulator.requests().count("POST", SEARCH))
          .as("no page is asked for twice but for a workspace's first page on each resume")
          .isLessThanOrEqualTo(fromScratch + 3 * resumes);
    }
  }
}
