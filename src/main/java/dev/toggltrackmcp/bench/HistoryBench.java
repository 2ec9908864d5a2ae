package dev.toggltrackmcp.bench;

import dev.toggltrackmcp.cli.ServerAssembly;
import dev.toggltrackmcp.config.Secret;
import dev.toggltrackmcp.config.Settings;
import dev.toggltrackmcp.sandbox.Dataset;
import dev.toggltrackmcp.sandbox.ManualClock;
import dev.toggltrackmcp.sandbox.SimulatorOptions;
import dev.toggltrackmcp.sandbox.TogglSimulator;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * {@code bin/bench history}: what the first question reaching past Toggl's 90-day window costs —
 * Reports requests, and the time they take at Toggl's pace of one request a second (the simulated
 * clock's advance) — for the last quarter and for a whole year, on a fresh server each time.
 */
final class HistoryBench {
  private HistoryBench() {}

  static void run() throws Exception {
    System.out.printf(
        "%-40s %-20s %6s %9s %9s %9s%n",
        "account", "question", "asked", "requests", "reports", "seconds");
    for (Object[] account :
        new Object[][] {
          {"personal (3,000 entries)", SimulatorOptions.defaults()},
          {
            "large (50,000 entries, 2,000 projects)",
            SimulatorOptions.defaults().withEntryCount(50_000).withProjectCount(2_000)
          }
        }) {
      LocalDate today = LocalDate.ofInstant(Bench.NOW, ZoneId.of("Europe/Berlin"));
      ask(
          (String) account[0],
          (SimulatorOptions) account[1],
          "last_quarter",
          Map.of("period", "last_quarter"));
      ask(
          (String) account[0],
          (SimulatorOptions) account[1],
          "the past 365 days",
          Map.of("start_date", today.minusDays(364).toString(), "end_date", today.toString()));
    }
    System.out.println();
    System.out.println(
        "asked: how often the question was asked until the answer was complete (each answer"
            + " comes within the 20-s budget, covering what is loaded); requests: all Toggl"
            + " requests on an empty cache (2 of them fill the 90-day window); reports: Reports"
            + " API pages among them; seconds: their time at Toggl's pace (burst 3, then 1 a"
            + " second).");
  }

  private static void ask(
      String name, SimulatorOptions options, String label, Map<String, Object> args)
      throws Exception {
    ManualClock clock = new ManualClock(Bench.NOW);
    SimulatorOptions unlimited = options.withBurstLimit(false).withQuotas(100_000, 100_000);
    try (TogglSimulator sim =
        TogglSimulator.start(Dataset.generate(unlimited, Bench.NOW), clock, unlimited)) {
      Settings settings = Settings.forToken(Secret.of(sim.token()), sim.baseUrl());
      ServerAssembly server = ServerAssembly.of(settings, clock, clock::sleep);
      Instant before = clock.instant();
      int asked = 0;
      McpSchema.CallToolResult r;
      do { // past the answer budget the answer is partial and the load goes on: ask again
        r = server.tools().call("get_time_summary", args);
        if (Boolean.TRUE.equals(r.isError())) {
          throw new IllegalStateException(label + ": " + r.content());
        }
        asked++;
      } while (String.valueOf(((Map<?, ?>) r.structuredContent()).get("note"))
          .contains("still loading"));
      System.out.printf(
          "%-40s %-20s %6d %9d %9d %9d%n",
          name,
          label,
          asked,
          sim.requests().count(),
          sim.requests().count("POST", "/reports/api/v3/workspace/{id}/search/time_entries"),
          Duration.between(before, clock.instant()).toSeconds());
    }
  }
}
