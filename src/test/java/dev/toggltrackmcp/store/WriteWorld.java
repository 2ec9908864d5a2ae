package dev.toggltrackmcp.store;

import dev.toggltrackmcp.config.Secret;
import dev.toggltrackmcp.sandbox.SimulatorOptions;
import dev.toggltrackmcp.sandbox.World;
import dev.toggltrackmcp.testing.SimulatedWorld;
import dev.toggltrackmcp.toggl.TogglClient;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A simulated Toggl and the cache over a client with a given deadline (a short one makes a stalled
 * answer cost about a second of real time), warmed up so a test counts only its own requests.
 */
final class WriteWorld implements AutoCloseable {
  static final long WS = 7_654_321L;
  static final long PROJECT = 201_234_000L;
  static final String ENTRIES = "/api/v9/workspaces/" + WS + "/time_entries";
  static final Instant NOW = SimulatedWorld.NOW;

  final SimulatedWorld world =
      new SimulatedWorld(SimulatorOptions.defaults().withStallCap(Duration.ofSeconds(3)));
  final TogglClient client;
  final SyncedToggl data;
  final TimeEntryWrites writes;

  /** A client that waits 5 s for an answer: no request times out on a loaded machine. */
  WriteWorld() {
    this(Duration.ofSeconds(5));
  }

  WriteWorld(Duration deadline) {
    this(deadline, null);
  }

  /** Cached in {@code file} (null: memory only). */
  WriteWorld(Duration deadline, @Nullable Path file) {
    client =
        TogglClient.connect(
            world.simulator.baseUrl(),
            Secret.of(world.simulator.token()),
            "toggl-track-mcp-test",
            deadline,
            world.clock,
            world.clock::sleep);
    data = SyncedToggl.create(client, file, world.clock, FreshnessPolicy.DEFAULT);
    writes = data.writes();
    data.entries(NOW.minus(Duration.ofDays(14)), NOW.plus(Duration.ofDays(1)));
    world.simulator.requests().reset();
  }

  int requests() {
    return world.simulator.requests().count();
  }

  /** Ana's live entries in the simulator's own records with this description. */
  List<World.Entry> stored(String description) {
    long ana = world.data().user().id();
    return world.data().liveEntries().stream()
        .filter(e -> e.userId() == ana && e.description().equals(description))
        .toList();
  }

  List<TimeEntry> week() {
    return data.entries(NOW.minus(Duration.ofDays(7)), NOW.plus(Duration.ofDays(1))).value();
  }

  /** A stopped entry of Ana's from the last week, held in the cache. */
  TimeEntry someStopped(int n) {
    return week().stream().filter(e -> !e.isRunning()).skip(n).findFirst().orElseThrow();
  }

  static TimeEntryWrites.NewEntry logged(String description, Instant start, Duration length) {
    return new TimeEntryWrites.NewEntry(
        WS, start, start.plus(length), description, PROJECT, null, List.of("development"), null);
  }

  static TimeEntryWrites.NewEntry timer(String description, Instant start) {
    return new TimeEntryWrites.NewEntry(WS, start, null, description, null, null, List.of(), null);
  }

  static TimeEntryWrites.EntryEdit describe(String description) {
    return new TimeEntryWrites.EntryEdit(
        description, null, false, null, false, null, null, null, null, List.of(), List.of());
  }

  static TimeEntryWrites.EntryEdit tags(
      List<String> replace, List<String> add, List<String> remove) {
    return new TimeEntryWrites.EntryEdit(
        null, null, false, null, false, null, null, null, replace, add, remove);
  }

  @Override
  public void close() {
    world.close();
  }
}
