package dev.toggltrackmcp.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.sandbox.Fault;
import dev.toggltrackmcp.sandbox.World;
import dev.toggltrackmcp.store.SyncedToggl;
import dev.toggltrackmcp.testing.ServerProcess;
import dev.toggltrackmcp.testing.SimulatedWorld;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache file under crashes and sharing: nothing lost, nothing counted twice. */
class CacheResilienceTest {
  private final SimulatedWorld world = new SimulatedWorld();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    world.close();
  }

  private long expectedCount(Instant from, Instant to) {
    return world.data().liveEntries().stream()
        .filter(e -> !e.start().isBefore(from) && e.start().isBefore(to))
        .count();
  }

  @Test
  void twoProcessesOnOneCacheFileSeeEachOthersSyncsWithoutDoubleCounting() {
    Path file = dir.resolve("shared.sqlite");
    SyncedToggl a = world.synced(file);
    Instant from = SimulatedWorld.NOW.minus(Duration.ofDays(14));
    a.entries(from, SimulatedWorld.NOW);
    SyncedToggl b = world.synced(file); // a second connection: what another process has
    world.simulator.requests().reset();
    assertThat(b.entries(from, SimulatedWorld.NOW).value())
        .hasSize((int) expectedCount(from, SimulatedWorld.NOW));
    assertThat(world.requests()).isZero();

    List<World.Entry> live = world.data().liveEntries();
    world.clock.advance(Duration.ofMinutes(6));
    Instant now = world.clock.instant();
    world.data().delete(live.get(5).id(), now);
    world
        .data()
        .addEntry(
            7_654_321L,
            null,
            "Added in the app",
            now.minus(Duration.ofHours(2)),
            now.minus(Duration.ofHours(1)),
            List.of(),
            now);

    List<TimeEntry> seenByA = a.entries(from, now).value();
    assertThat(world.requests()).isEqualTo(1);
    List<TimeEntry> seenByB = b.entries(from, now).value();
    assertThat(world.requests()).as("B reloads what A wrote instead of asking Toggl").isEqualTo(1);
    assertThat(seenByA).hasSize((int) expectedCount(from, now));
    assertThat(seenByB)
        .extracting(TimeEntry::id)
        .containsExactlyElementsOf(seenByA.stream().map(TimeEntry::id).toList());
  }

  @Test
  void aProcessKilledDuringItsFirstSyncLeavesACacheTheNextStartUsesCorrectly() throws Exception {
    Path cache = dir.resolve("cache");
    world.simulator.faults().latency(Duration.ofMillis(400)); // so the kill lands mid-sync
    ProcessBuilder pb =
        ServerProcess.builder("stdio")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("TOGGL_API_TOKEN", world.simulator.token());
    pb.environment().put("TOGGL_API_BASE_URL", world.simulator.baseUrl().toString());
    pb.environment().put("TOGGL_CACHE_DIR", cache.toString());
    Process p = pb.start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(
          ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n"
                  + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                  + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"list_time_entries\",\"arguments\":{}}}\n")
              .getBytes(StandardCharsets.UTF_8));
      in.flush();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (world.requests() < 1 && System.nanoTime() < deadline) {
        Thread.onSpinWait(); // waiting for the child to reach Toggl, not for time to pass
      }
      p.destroyForcibly(); // SIGKILL
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    world.simulator.faults().clear();
    Path file;
    try (var files = Files.list(cache)) {
      file =
          files
              .filter(f -> f.toString().endsWith(".sqlite"))
              .findFirst()
              .orElse(cache.resolve("none.sqlite"));
    }
    SyncedToggl next = world.synced(file);
    Instant from = SimulatedWorld.NOW.minus(Duration.ofDays(30));
    assertThat(next.entries(from, SimulatedWorld.NOW).value())
        .hasSize((int) expectedCount(from, SimulatedWorld.NOW));
  }

  @Test
  void whenTogglRevokesTheTokenMidSessionAnswersComeFromTheCacheWithANote() {
    SyncedToggl data = world.synced(dir.resolve("c.sqlite"));
    Instant from = SimulatedWorld.NOW.minus(Duration.ofDays(7));
    int held = data.entries(from, SimulatedWorld.NOW).value().size();
    for (Fault f :
        List.of(
            Fault.UNAUTHORIZED_401,
            Fault.SERVER_ERROR_500,
            Fault.MALFORMED_JSON,
            Fault.GONE_410,
            Fault.DROP_CONNECTION)) {
      world.clock.advance(Duration.ofMinutes(6));
      world.simulator.faults().next(10, f);
      var answer = data.entries(from, SimulatedWorld.NOW);
      assertThat(answer.value()).as(f.name()).hasSize(held);
      assertThat(answer.stalenessNote()).as(f.name()).isPresent();
      assertThat(answer.dataAsOf()).isEqualTo(SimulatedWorld.NOW);
      world.simulator.faults().clear();
    }
    world.clock.advance(Duration.ofMinutes(6));
    assertThat(data.entries(from, SimulatedWorld.NOW).stalenessNote()).as("recovers").isEmpty();
  }

  @Test
  void aFileDamagedInsideItsDataIsMovedAsideAndRebuiltOnceAtAnyRead() throws Exception {
    Path file = dir.resolve("damaged.sqlite");
    Instant from = SimulatedWorld.NOW.minus(Duration.ofDays(60));
    world.synced(file).entries(from, SimulatedWorld.NOW);
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        var s = c.createStatement()) {
      s.execute("PRAGMA wal_checkpoint(TRUNCATE)"); // what SQLite does by itself as files grow
    }
    long size = Files.size(file);
    assertThat(size).isGreaterThan(64 * 1024);
    try (var raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
      byte[] noise = new byte[8 * 1024];
      new java.util.Random(42).nextBytes(noise);
      raf.seek(size / 2);
      raf.write(noise); // the header and schema stay intact: opening still works
    }
    world.simulator.requests().reset();

    SyncedToggl next = world.synced(file);
    assertThat(next.entries(from, SimulatedWorld.NOW).value())
        .hasSize((int) expectedCount(from, SimulatedWorld.NOW));
    assertThat(world.requests()).as("rebuilt from Toggl: a fresh bootstrap").isEqualTo(2);
    try (var listing = Files.list(dir)) {
      assertThat(listing.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("damaged.sqlite.corrupt-"));
    }
    world.simulator.requests().reset();
    SyncedToggl third = world.synced(file);
    assertThat(third.entries(from, SimulatedWorld.NOW).value())
        .hasSize((int) expectedCount(from, SimulatedWorld.NOW));
    assertThat(world.requests()).as("the rebuilt file is good for the next start").isZero();
  }

  @Test
  void cacheDirectoriesAreOnlyTheOwnersToEnter() throws Exception {
    Path nested = dir.resolve("a").resolve("b");
    world.synced(nested.resolve("c.sqlite")).account();
    for (Path p : List.of(dir.resolve("a"), nested)) {
      assertThat(
              java.nio.file.attribute.PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(p)))
          .as(p.toString())
          .isEqualTo("rwx------");
    }
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(nested.resolve("c.sqlite"))))
        .isEqualTo("rw-------");
  }
}
