package dev.toggltrackmcp.testing;

import dev.toggltrackmcp.cli.ServerAssembly;
import dev.toggltrackmcp.config.LogLevel;
import dev.toggltrackmcp.config.Secret;
import dev.toggltrackmcp.config.Settings;
import dev.toggltrackmcp.sandbox.Dataset;
import dev.toggltrackmcp.sandbox.ManualClock;
import dev.toggltrackmcp.sandbox.SimulatorOptions;
import dev.toggltrackmcp.sandbox.TogglSimulator;
import dev.toggltrackmcp.store.FreshnessPolicy;
import dev.toggltrackmcp.store.SyncedToggl;
import dev.toggltrackmcp.toggl.TogglClient;
import dev.toggltrackmcp.transport.HttpServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A simulated Toggl on loopback with a manual clock, and ways to connect our client to it. */
public final class SimulatedWorld implements AutoCloseable {
  /** A Wednesday morning in Berlin (10:00 local). */
  public static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

  public final ManualClock clock;
  public final TogglSimulator simulator;

  public SimulatedWorld(SimulatorOptions options) {
    this.clock = new ManualClock(NOW);
    this.simulator = TogglSimulator.start(Dataset.generate(options, NOW), clock, options);
  }

  public SimulatedWorld() {
    this(SimulatorOptions.defaults());
  }

  public Dataset data() {
    return simulator.data();
  }

  public TogglClient client() {
    return client(simulator.token());
  }

  public TogglClient client(String token) {
    return TogglClient.connect(
        simulator.baseUrl(),
        Secret.of(token),
        "toggl-track-mcp-test",
        Duration.ofSeconds(5),
        clock,
        clock::sleep);
  }

  /** Cached data over a fresh client, kept in {@code file} (null: memory only). */
  public SyncedToggl synced(Path file) {
    return SyncedToggl.create(client(), file, clock, FreshnessPolicy.DEFAULT);
  }

  /** Settings that point the server at this simulator, with no cache on disk. */
  public Settings settings() {
    return Settings.forToken(Secret.of(simulator.token()), simulator.baseUrl());
  }

  /** {@link #settings()} with HTTP requiring {@code key}, on a free loopback port. */
  public Settings settingsWithKey(String key) {
    Settings s = settings();
    return new Settings(
        s.apiToken(),
        null,
        s.apiBaseUrl(),
        false,
        null,
        Secret.of(key),
        "127.0.0.1",
        0,
        LogLevel.INFO,
        List.of(),
        List.of(),
        false);
  }

  /** The whole server, wired as the command line wires it, on this world's clock. */
  public ServerAssembly server(Settings settings) {
    return ServerAssembly.of(settings, clock, clock::sleep);
  }

  /** That server over Streamable HTTP on {@code settings}' host and port. */
  public HttpServer serveHttp(Settings settings) throws Exception {
    return serveHttp(settings, HttpServer.Limits.DEFAULT);
  }

  /** As {@link #serveHttp(Settings)}, with the given limits on slow clients. */
  public HttpServer serveHttp(Settings settings, HttpServer.Limits limits) throws Exception {
    ServerAssembly server = server(settings);
    return HttpServer.start(server.tools(), settings, "test", server::health, limits);
  }

  public int requests() {
    return simulator.requests().count();
  }

  @Override
  public void close() {
    simulator.close();
  }
}
