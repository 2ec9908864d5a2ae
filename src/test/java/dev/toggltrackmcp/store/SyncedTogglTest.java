package dev.toggltrackmcp.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.sandbox.World;
import dev.toggltrackmcp.testing.SimulatedWorld;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncedTogglTest {
  private final SimulatedWorld world = new SimulatedWorld();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    world.close();
  }

  private Path file() {
    return dir.resolve("cache.sqlite");
  }

  private static long liveCount(SimulatedWorld w, Instant from, Instant to) {
    return w.data().liveEntries().stream()
        .filter(e -> !e.start().isBefore(from) && e.start().isBefore(to))
        .count();
  }

  @Test
  void firstQuestionBootstrapsWithTwoRequestsAndTheNextOnesAreFree() {
    SyncedToggl data = world.synced(file());
    Instant from = SimulatedWorld.NOW.minus(Duration.ofDays(30));
    List<TimeEntry> month = data.entries(from, SimulatedWorld.NOW).value();
    assertThat(world.requests()).isEqualTo(2);
    assertThat(month).hasSize((int) liveCount(world, from, SimulatedWorld.NOW));
    assertThat(data.runningEntry().value()).isPresent();
    data.account();
    data.entries(from.minus(Duration.ofDays(20)), SimulatedWorld.NOW);
    assertThat(world.requests()).isEqualTo(2);
  }

  @Test
  void afterTheFreshnessWindowOneSinceRequestBringsEditsAndDeletions() {
    SyncedToggl data = world.synced(file());
    Instant from = SimulatedWorld.NOW.minus(Duration.ofDays(7));
    List<TimeEntry> before = data.entries(from, SimulatedWorld.NOW).value();
    TimeEntry victim = before.get(3);
    TimeEntry edited = before.get(4);
    world.clock.advance(Duration.ofMinutes(16));
    Instant now = world.clock.instant();
    world.data().delete(victim.id(), now);
    world.data().editDescription(edited.id(), "Renamed in the app", now);
    world.simulator.requests().reset();

    List<TimeEntry> after = data.entries(from, now).value();

    assertThat(world.simulator.requests().count()).isEqualTo(1);
    assertThat(world.simulator.requests().count("GET", "/api/v9/me/time_entries")).isEqualTo(1);
    assertThat(after).extracting(TimeEntry::id).doesNotContain(victim.id());
    assertThat(after)
        .filteredOn(e -> e.id() == edited.id())
        .singleElement()
        .extracting(TimeEntry::description)
        .isEqualTo("Renamed in the app");
  }

  @Test
  void aNewProcessReusesTheCacheFileWithoutBootstrapping() {
    world.synced(file()).entries(SimulatedWorld.NOW.minus(Duration.ofDays(1)), SimulatedWorld.NOW);
    world.simulator.requests().reset();
    SyncedToggl second = world.synced(file());
    second.entries(SimulatedWorld.NOW.minus(Duration.ofDays(60)), SimulatedWorld.NOW);
    second.account();
    assertThat(world.requests()).isZero();
    assertThat(Files.exists(file())).isTrue();
  }

  @Test
  void historyOlderThanNinetyDaysComesFromReportsOnceAndIsKept() {
    SyncedToggl data = world.synced(file());
    Instant from = SimulatedWorld.NOW.minus(Duration.ofDays(200));
    Instant to = SimulatedWorld.NOW.minus(Duration.ofDays(100));
    List<TimeEntry> old = data.entries(from, to).value();
    assertThat(old).hasSize((int) liveCount(world, from, to));
    int afterBackfill = world.requests();
    assertThat(
            world
                .simulator
                .requests()
                .count("POST", "/reports/api/v3/workspace/{id}/search/time_entries"))
        .isGreaterThanOrEqualTo(3);
    data.entries(from.plus(Duration.ofDays(10)), to);
    assertThat(world.requests()).isEqualTo(afterBackfill);
  }

  @Test
  void tenConcurrentQuestionsShareOneSync() throws Exception {
    SyncedToggl data = world.synced(file());
    ExecutorService pool = Executors.newFixedThreadPool(10);
    List<Future<?>> answers = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      answers.add(
          pool.submit(
              () ->
                  data.entries(SimulatedWorld.NOW.minus(Duration.ofDays(7)), SimulatedWorld.NOW)));
    }
    for (Future<?> f : answers) {
      f.get();
    }
    pool.shutdown();
    assertThat(world.requests()).isEqualTo(2);
  }

  @Test
  void whenTogglFailsTheCacheAnswersAndSaysHowOld() {
    SyncedToggl data = world.synced(file());
    data.entries(SimulatedWorld.NOW.minus(Duration.ofDays(7)), SimulatedWorld.NOW);
    world.clock.advance(Duration.ofMinutes(30));
    world.simulator.faults().next(1, dev.toggltrackmcp.sandbox.Fault.QUOTA_402);
    var answer = data.entries(SimulatedWorld.NOW.minus(Duration.ofDays(7)), world.clock.instant());
    assertThat(answer.value()).isNotEmpty();
    assertThat(answer.stalenessNote()).get().asString().contains("quota").contains("812");
    assertThat(answer.dataAsOf()).isEqualTo(SimulatedWorld.NOW);
  }

  @Test
  void aCorruptCacheFileIsMovedAsideAndRebuilt() throws Exception {
    Files.writeString(file(), "this is not a database, just garbage ".repeat(100));
    SyncedToggl data = world.synced(file());
    assertThat(
            data.entries(SimulatedWorld.NOW.minus(Duration.ofDays(1)), SimulatedWorld.NOW).value())
        .isNotEmpty();
    try (var listing = Files.list(dir)) {
      assertThat(listing.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("cache.sqlite.corrupt-"));
    }
  }

  @Test
  void anUnusableCacheDirectoryFallsBackToMemoryAndStillAnswers() throws Exception {
    Path notADirectory = dir.resolve("plain-file");
    Files.writeString(notADirectory, "x");
    SyncedToggl data = world.synced(notADirectory.resolve("sub").resolve("cache.sqlite"));
    assertThat(
            data.entries(SimulatedWorld.NOW.minus(Duration.ofDays(1)), SimulatedWorld.NOW).value())
        .isNotEmpty();
    assertThat(data.status().location()).isEqualTo("memory");
  }

  @Test
  void aRenamedProjectShowsItsNewNameAfterTheReferenceRefresh() {
    SyncedToggl data = world.synced(file());
    long website = 201_234_000L;
    assertThat(data.account().value().project(website).orElseThrow().name())
        .isEqualTo("Website Redesign");
    world.clock.advance(Duration.ofHours(7));
    world.data().renameProject(website, "Website Relaunch", world.clock.instant());
    world.simulator.requests().reset();
    assertThat(data.account().value().project(website).orElseThrow().name())
        .isEqualTo("Website Relaunch");
    assertThat(world.simulator.requests().count("GET", "/api/v9/me")).isEqualTo(1);
  }

  @Test
  void anEntryNamingAnUnknownWorkspaceRefreshesTheReferenceDataAtOnce() {
    SyncedToggl data = world.synced(file());
    data.entries(SimulatedWorld.NOW.minus(Duration.ofDays(1)), SimulatedWorld.NOW);
    world.clock.advance(Duration.ofMinutes(6));
    Instant now = world.clock.instant();
    world
        .data()
        .addEntry(
            7_654_399L,
            null,
            "In a workspace we never saw",
            now.minus(Duration.ofHours(1)),
            now,
            List.of(),
            now);
    world.simulator.requests().reset();
    data.entries(SimulatedWorld.NOW.minus(Duration.ofDays(1)), now);
    assertThat(world.simulator.requests().count("GET", "/api/v9/me/time_entries")).isEqualTo(1);
    assertThat(world.simulator.requests().count("GET", "/api/v9/me")).isEqualTo(1);
  }

  @Test
  void aFullDiskLeavesAnswersCorrectFromMemoryAndTheNextProcessCatchesUp() throws Exception {
    CacheDatabase[] opened = new CacheDatabase[1];
    SyncedToggl data =
        new SyncedToggl(
            world.client(),
            () -> new dev.toggltrackmcp.toggl.TogglReports(world.client().http()),
            () -> opened[0] = (CacheDatabase) CacheDatabase.open(file()),
            world.clock,
            FreshnessPolicy.DEFAULT,
            Patience.of(Patience.DEFAULT));
    Instant from = SimulatedWorld.NOW.minus(Duration.ofDays(3));
    data.entries(from, SimulatedWorld.NOW);
    opened[0].limitPages(1); // no page can be added any more: the disk is "full"
    world.clock.advance(Duration.ofMinutes(6));
    Instant now = world.clock.instant();
    for (int i = 0; i < 300; i++) {
      world
          .data()
          .addEntry(
              7_654_321L,
              null,
              "Filler " + "x".repeat(200) + i,
              now.minusSeconds(3600 + i),
              now.minusSeconds(i),
              List.of(),
              now);
    }
    var answer = data.entries(from, now);
    assertThat(answer.value()).hasSize((int) liveCount(world, from, now));
    assertThat(world.synced(file()).entries(from, now).value())
        .hasSize((int) liveCount(world, from, now));
  }

  @Test
  void whenTheQuotaIsNearlySpentRoutineSyncsWaitAndAnswersSaySo() {
    try (SimulatedWorld tight =
        new SimulatedWorld(
            dev.toggltrackmcp.sandbox.SimulatorOptions.defaults().withQuotas(4, 240))) {
      SyncedToggl data = tight.synced(dir.resolve("tight.sqlite"));
      Instant from = SimulatedWorld.NOW.minus(Duration.ofDays(2));
      data.entries(from, SimulatedWorld.NOW); // bootstrap: 2 of 4 used
      tight.clock.advance(Duration.ofMinutes(6));
      tight.simulator.requests().reset();
      var answer = data.entries(from, tight.clock.instant());
      assertThat(tight.requests()).isZero();
      assertThat(answer.stalenessNote())
          .get()
          .asString()
          .contains("nearly used up")
          .contains("2 requests left");
      tight.clock.advance(Duration.ofHours(1)); // the window resets
      assertThat(data.entries(from, tight.clock.instant()).stalenessNote()).isEmpty();
      assertThat(tight.requests()).isEqualTo(1);
    }
  }

  @Test
  void theRunningEntryIsRecheckedAfterThirtySeconds() {
    SyncedToggl data = world.synced(file());
    assertThat(data.runningEntry().value()).isPresent();
    world.data().stopRunning(world.clock.instant());
    world.clock.advance(Duration.ofSeconds(31));
    world.simulator.requests().reset();
    assertThat(data.runningEntry().value()).isEmpty();
    assertThat(world.requests()).isEqualTo(1);
    World.Entry stopped = world.data().allEntries().get(0);
    assertThat(stopped.running()).isFalse();
  }

  @Test
  void watchersHearWhenTheRunningEntryChangesAndOnlyThen() {
    SyncedToggl data = world.synced(file());
    data.runningEntry();
    java.util.concurrent.atomic.AtomicInteger heard =
        new java.util.concurrent.atomic.AtomicInteger();
    data.whenRunningEntryChanges(heard::incrementAndGet);
    world.clock.advance(Duration.ofSeconds(31));
    data.runningEntry(); // nothing changed
    assertThat(heard).hasValue(0);
    world.data().stopRunning(world.clock.instant());
    world.clock.advance(Duration.ofSeconds(31));
    data.runningEntry();
    assertThat(heard).hasValue(1);
    TimeEntry started =
        new TimeEntry(
            4_199_999_999L,
            7_654_321L,
            null,
            null,
            false,
            world.clock.instant(),
            null,
            -1,
            "Call",
            List.of(),
            List.of(),
            null,
            world.clock.instant(),
            null);
    data.apply(Change.ofEntries(List.of(started), List.of())); // a write's result
    assertThat(heard).hasValue(2);
    assertThat(data.runningEntry().value()).contains(started);
  }
}
