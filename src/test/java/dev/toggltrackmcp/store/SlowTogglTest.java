package dev.toggltrackmcp.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.toggltrackmcp.testing.SimulatedWorld;
import dev.toggltrackmcp.toggl.TogglException;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A slow or stalled Toggl never holds a question past its budget: the answer comes from what is
 * held, with a note, and the sync finishes in the background for the next question. The stall is
 * the simulator's real latency; the budget is ours, so the test decides when it runs out.
 */
@Timeout(60)
class SlowTogglTest {
  private final SimulatedWorld world = new SimulatedWorld();
  private final Switch patience = new Switch();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    world.close();
  }

  /** Patient (waits as long as the work takes) until told to give up at once. */
  private static final class Switch implements Patience {
    volatile boolean impatient;

    @Override
    public Budget start() {
      boolean givesUp = impatient;
      return new Budget() {
        @Override
        public boolean waitFor(CompletableFuture<?> work) throws InterruptedException {
          if (givesUp) {
            return work.isDone();
          }
          try {
            work.get(50, TimeUnit.SECONDS);
          } catch (ExecutionException | TimeoutException e) {
            // finished badly, or far too slow for a test: either way, done waiting
          }
          return work.isDone();
        }

        @Override
        public Duration length() {
          return Duration.ofSeconds(20);
        }
      };
    }
  }

  private SyncedToggl synced() {
    return SyncedToggl.create(
        world.client(),
        dir.resolve("cache.sqlite"),
        world.clock,
        FreshnessPolicy.DEFAULT,
        patience);
  }

  @Test
  void aStalledSyncAnswersFromTheCacheAndFinishesForTheNextQuestion() {
    SyncedToggl data = synced();
    Instant from = SimulatedWorld.NOW.minus(Duration.ofDays(7));
    int held = data.entries(from, SimulatedWorld.NOW).value().size();
    world.clock.advance(Duration.ofMinutes(6));
    world.data().delete(world.data().liveEntries().get(4).id(), world.clock.instant());
    world.simulator.requests().reset();
    world.simulator.faults().latency(Duration.ofMillis(800));
    patience.impatient = true;

    List<Fresh<List<TimeEntry>>> meanwhile = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      meanwhile.add(data.entries(from, world.clock.instant()));
    }

    assertThat(meanwhile)
        .allSatisfy(
            answer -> {
              assertThat(answer.value()).hasSize(held);
              assertThat(answer.dataAsOf()).isEqualTo(SimulatedWorld.NOW);
              assertThat(answer.stalenessNote())
                  .get()
                  .asString()
                  .contains("has not answered within 20 s")
                  .contains("the next question will have it");
            });
    patience.impatient = false;
    Fresh<List<TimeEntry>> next = data.entries(from, world.clock.instant());
    assertThat(next.value()).hasSize(held - 1);
    assertThat(next.stalenessNote()).isEmpty();
    assertThat(world.simulator.requests().count("GET", "/api/v9/me/time_entries"))
        .as("ten questions during the stall shared one sync")
        .isEqualTo(1);
  }

  @Test
  void withNothingCachedAStalledFirstLoadSaysSoAndIsNotStartedTwice() {
    SyncedToggl data = synced();
    world.simulator.faults().latency(Duration.ofMillis(500));
    patience.impatient = true;
    TogglException e =
        catchThrowableOfType(
            TogglException.class, () -> data.entries(SimulatedWorld.NOW, SimulatedWorld.NOW));
    assertThat(e.kind()).isEqualTo("slow");
    assertThat(e.getMessage()).contains("ask again in a minute");
    patience.impatient = false;
    assertThat(data.runningEntry().value()).isPresent();
    assertThat(world.requests()).isEqualTo(2);
  }

  @Test
  void aHistoryLoadInFlightNeverHoldsAQuestionAboutRecentDays() {
    SyncedToggl data = synced();
    Instant now = SimulatedWorld.NOW;
    data.entries(now.minus(Duration.ofDays(7)), now);
    Instant covered = data.status().oldestCovered();
    world.simulator.faults().latency(Duration.ofMillis(250));
    patience.impatient = true;

    Fresh<List<TimeEntry>> old =
        data.entries(now.minus(Duration.ofDays(200)), now.minus(Duration.ofDays(100)));
    assertThat(old.stalenessNote()).get().asString().contains("is still loading");

    patience.impatient = false;
    Fresh<List<TimeEntry>> recent = data.entries(now.minus(Duration.ofDays(7)), now);
    assertThat(recent.stalenessNote()).isEmpty();
    assertThat(data.status().oldestCovered())
        .as("answered while the history load was still on its first page")
        .isEqualTo(covered);

    Fresh<List<TimeEntry>> complete =
        data.entries(now.minus(Duration.ofDays(200)), now.minus(Duration.ofDays(100)));
    assertThat(complete.stalenessNote()).isEmpty();
    assertThat(complete.value())
        .hasSize(
            (int)
                world.data().liveEntries().stream()
                    .filter(
                        e ->
                            !e.start().isBefore(now.minus(Duration.ofDays(200)))
                                && e.start().isBefore(now.minus(Duration.ofDays(100))))
                    .count());
  }

  @Test
  void anIdTogglSaidIsGoneCostsNothingTheSecondTime() {
    SyncedToggl data = synced();
    data.entries(SimulatedWorld.NOW.minus(Duration.ofDays(1)), SimulatedWorld.NOW);
    world.simulator.requests().reset();
    for (int i = 0; i < 20; i++) {
      assertThat(data.entry(4_000_000_001L).value()).isEmpty();
    }
    assertThat(world.requests()).isEqualTo(1);
  }
}
