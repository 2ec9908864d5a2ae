package dev.toggltrackmcp.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.toggltrackmcp.testing.SimulatedWorld;
import dev.toggltrackmcp.toggl.ReportQuery;
import dev.toggltrackmcp.toggl.SummaryReport;
import dev.toggltrackmcp.toggl.TogglException;
import dev.toggltrackmcp.toggl.TogglReports;
import dev.toggltrackmcp.toggl.model.Account;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
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
 * Team answers cost Toggl requests once: again within the freshness window, in a new process on the
 * same cache file, or — for a range that has ended — until the workspace's reference data changes,
 * they cost none. A long load answers within the question's budget and goes on.
 */
@Timeout(60)
class TeamCacheTest {
  private static final long LIMA = 7654321L;
  private static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
  private static final LocalDate OCT_31 = LocalDate.of(2026, 10, 31);
  private static final LocalDate THIS_MONDAY = LocalDate.of(2026, 11, 23);
  private static final LocalDate THIS_SUNDAY = LocalDate.of(2026, 11, 29);

  private static final String SEARCH = "/reports/api/v3/workspace/{id}/search/time_entries";
  private final SimulatedWorld world = new SimulatedWorld();
  private final Switch patience = new Switch();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    world.close();
  }

  /** Patient until told to give up at once. */
  private static final class Switch implements Patience {
    volatile boolean impatient;

    @Override
    public Budget start() {
      boolean givesUp = impatient;
      return new Budget() {
        @Override
        public boolean waitFor(CompletableFuture<?> work) throws InterruptedException {
          if (!givesUp) {
            try {
              work.get(50, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
              // done waiting either way
            }
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

  private SyncedToggl process() {
    return SyncedToggl.create(
        world.client(),
        dir.resolve("cache.sqlite"),
        world.clock,
        FreshnessPolicy.DEFAULT,
        patience);
  }

  private static TeamRequest ask(SyncedToggl data, LocalDate first, LocalDate last) {
    Account account = data.account().value();
    return TeamRequest.of(account, LIMA, ReportQuery.EVERYONE, first, last, SimulatedWorld.NOW);
  }

  /** Search pages Toggl answered (a burst-limit 429 that was retried is not a page). */
  private long pagesServed() {
    return world.simulator.requests().snapshot().stream()
        .filter(r -> r.template().equals(SEARCH) && r.status() == 200)
        .count();
  }

  private int costOf(Runnable question) {
    int before = world.requests();
    question.run();
    return world.requests() - before;
  }

  @Test
  void theSameQuestionAgainOrInANewProcessCostsNothing() {
    SyncedToggl first = process();
    TeamRequest october = ask(first, OCT_1, OCT_31);
    TeamRequest thisWeek = ask(first, THIS_MONDAY, THIS_SUNDAY);
    assertThat(october.closed()).isTrue();
    assertThat(thisWeek.closed()).isFalse();
    SummaryReport cold = first.team().summary(october, "users", "projects").value();
    assertThat(cold.groups()).hasSizeGreaterThan(5);
    assertThat(costOf(() -> first.team().summary(october, "users", "projects"))).isZero();
    assertThat(costOf(() -> first.team().rows(thisWeek))).isPositive();
    assertThat(costOf(() -> first.team().rows(thisWeek))).isZero();
    assertThat(costOf(() -> first.team().members(LIMA))).isEqualTo(1);
    assertThat(costOf(() -> first.team().members(LIMA))).isZero();

    SyncedToggl next = process();
    assertThat(
            costOf(
                () -> {
                  assertThat(next.team().summary(october, "users", "projects").value())
                      .isEqualTo(cold);
                  next.team().rows(thisWeek);
                  next.team().members(LIMA);
                }))
        .as("a new process on the cache file, within the window")
        .isZero();

    world.clock.advance(Duration.ofMinutes(6));
    assertThat(costOf(() -> next.team().summary(october, "users", "projects")))
        .as("a closed range is kept past the window")
        .isZero();
    assertThat(costOf(() -> next.team().rows(thisWeek)))
        .as("a range touching today is asked again after the window")
        .isPositive();
  }

  @Test
  void onlyTheNewestAnswersAreKeptSoTheFileStaysSmall() {
    SyncedToggl data = process();
    Account account = data.account().value();
    List<TeamRequest> asked = new ArrayList<>();
    for (int i = 0; i <= TeamCache.MOST_KEPT; i++) {
      LocalDate day = OCT_1.minusDays(i);
      TeamRequest r =
          TeamRequest.of(account, LIMA, ReportQuery.EVERYONE, day, day, SimulatedWorld.NOW);
      data.team().summary(r, "users", "projects");
      asked.add(r);
    }
    SyncedToggl next = process();
    assertThat(costOf(() -> next.team().summary(asked.get(asked.size() - 1), "users", "projects")))
        .isZero();
    assertThat(costOf(() -> next.team().summary(asked.get(1), "users", "projects"))).isZero();
    assertThat(costOf(() -> next.team().summary(asked.get(0), "users", "projects")))
        .as("the oldest of %d answers was let go", TeamCache.MOST_KEPT + 1)
        .isEqualTo(1);
  }

  @Test
  void rowsComeBackFromTheFileAsToggleSentThem() {
    TeamRequest week = ask(process(), THIS_MONDAY.minusDays(7), THIS_SUNDAY.minusDays(7));
    List<TogglReports.Row> fresh = process().team().rows(week).value();
    List<TogglReports.Row> again = process().team().rows(week).value();
    assertThat(fresh).isNotEmpty();
    assertThat(again).isEqualTo(fresh);
    assertThat(fresh.stream().flatMap(r -> r.entries().stream()).map(e -> e.userId()).distinct())
        .hasSizeGreaterThan(5);
  }

  @Test
  void aClosedRangeIsAskedAgainOnceTheWorkspacesReferenceDataChanges() {
    SyncedToggl data = process();
    TeamRequest october = ask(data, OCT_1, OCT_31);
    data.team().summary(october, "users", "projects");
    long project =
        world.data().projects().stream()
            .filter(p -> p.workspaceId() == LIMA)
            .findFirst()
            .orElseThrow()
            .id();
    world.data().renameProject(project, "Renamed for the test", world.clock.instant());
    world.clock.advance(FreshnessPolicy.DEFAULT.reference().plusMinutes(1));
    TeamRequest after =
        TeamRequest.of(
            data.account().value(), LIMA, ReportQuery.EVERYONE, OCT_1, OCT_31, SimulatedWorld.NOW);
    assertThat(after.referenceVersion()).isNotEqualTo(october.referenceVersion());
    assertThat(costOf(() -> data.team().summary(after, "users", "projects"))).isEqualTo(1);
  }

  @Test
  void aLongTeamLoadAnswersWithinTheBudgetAndGoesOnForTheNextQuestion() {
    SyncedToggl data = process();
    TeamRequest thisWeek = ask(data, THIS_MONDAY, THIS_SUNDAY);
    world.simulator.requests().reset();
    world.simulator.faults().latency(Duration.ofMillis(300));
    patience.impatient = true;
    TogglException slow =
        catchThrowableOfType(TogglException.class, () -> data.team().rows(thisWeek));
    assertThat(slow.kind()).isEqualTo("slow");
    assertThat(slow.getMessage()).contains("ask again in a minute");
    patience.impatient = false;
    List<TogglReports.Row> rows = data.team().rows(thisWeek).value();
    assertThat(rows).isNotEmpty();
    long pages = pagesServed();
    assertThat(costOf(() -> data.team().rows(thisWeek))).isZero();

    world.clock.advance(Duration.ofMinutes(6));
    patience.impatient = true;
    Fresh<List<TogglReports.Row>> older = data.team().rows(thisWeek);
    assertThat(older.value()).isEqualTo(rows);
    assertThat(older.stalenessNote())
        .get()
        .asString()
        .contains("has not answered within 20 s")
        .contains("the next question will have it");
    patience.impatient = false;
    world.simulator.faults().latency(Duration.ZERO);
    assertThat(data.team().rows(thisWeek).stalenessNote()).isEmpty();
    world.simulator.requests().reset();
    SyncedToggl uncached =
        SyncedToggl.create(world.client(), null, world.clock, FreshnessPolicy.DEFAULT, patience);
    uncached.team().rows(ask(uncached, THIS_MONDAY, THIS_SUNDAY));
    assertThat(pages)
        .as("the load the impatient question started was the one the next question used")
        .isEqualTo(pagesServed())
        .isGreaterThan(1);
  }
}
