package dev.toggltrackmcp.cli;

import dev.toggltrackmcp.config.Secret;
import dev.toggltrackmcp.config.Settings;
import dev.toggltrackmcp.sandbox.Dataset;
import dev.toggltrackmcp.sandbox.ManualClock;
import dev.toggltrackmcp.sandbox.SimulatorOptions;
import dev.toggltrackmcp.sandbox.TogglSimulator;
import dev.toggltrackmcp.toggl.Sleeper;
import dev.toggltrackmcp.transport.StdioServer;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Everything against the built-in simulated Toggl: a guided tour, or a server to try. */
@Command(
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    name = "demo",
    description = {
      "Try the server without a token, against a built-in simulated Toggl workspace.",
      "Default: a guided tour of a dozen questions through a real MCP client, then exit."
    })
final class DemoCommand implements Callable<Integer> {
  private final Environment environment;

  @Option(names = "--serve", description = "Keep serving MCP over HTTP on HOST:PORT.")
  boolean serve;

  @Option(names = "--stdio", description = "Serve MCP over stdio (for Claude Desktop and tests).")
  boolean stdio;

  @Option(
      names = "--at",
      paramLabel = "INSTANT",
      description =
          "Freeze the simulated clock at this UTC instant, e.g. 2026-11-25T09:00:00Z. Default:"
              + " now on a weekday 10:00-12:30 in Europe/Berlin, else 11:40 of the latest workday.")
  Instant at;

  @Option(
      names = "--write",
      description =
          "Writing on (TOGGL_WRITE_ENABLED=true) against the simulator; the tour ends with a few"
              + " changes: stop, log, a refused overlap, start, a delete previewed then confirmed.")
  boolean write;

  @Option(names = "--entries", description = "Size of the simulated history (default 3000).")
  int entries = 3000;

  DemoCommand(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    Settings base = environment.settings();
    SimulatorOptions options = SimulatorOptions.defaults().withEntryCount(entries);
    ZoneId zone = ZoneId.of(options.timezone());
    Clock clock = at == null ? DemoClock.during(Clock.systemUTC(), zone) : new ManualClock(at);
    Sleeper sleeper = clock instanceof ManualClock manual ? manual::sleep : Sleeper.real();
    PrintStream err = environment.err();
    try (TogglSimulator simulator =
        TogglSimulator.start(Dataset.generate(options, clock.instant()), clock, options)) {
      RedactingStream.hideEverywhere(simulator.token());
      err.println("toggl-track-mcp demo: simulated Toggl at " + simulator.baseUrl());
      err.println(
          "toggl-track-mcp demo: simulated time " + DemoClock.describe(clock.instant(), zone));
      // the demo never touches the user's real cache
      Settings settings =
          base.withApiToken(Secret.of(simulator.token()), simulator.baseUrl())
              .withCacheDir(null)
              .withWriteEnabled(write || base.writeEnabled());
      ServerAssembly server = ServerAssembly.of(settings, clock, sleeper);
      if (stdio) {
        StdioServer.run(server.tools(), environment.in(), StdioCommand.stdout(environment));
        return 0;
      }
      if (serve) {
        HttpCommand.serveUntilStopped(environment, server, settings);
        return 0;
      }
      return new DemoTour(
              environment.out(),
              simulator,
              DemoClock.describe(clock.instant(), zone),
              write ? zone : null)
          .run(server, settings);
    }
  }
}
