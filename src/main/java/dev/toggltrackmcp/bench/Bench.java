package dev.toggltrackmcp.bench;

import dev.toggltrackmcp.cli.ServerAssembly;
import dev.toggltrackmcp.config.Secret;
import dev.toggltrackmcp.config.Settings;
import dev.toggltrackmcp.sandbox.Dataset;
import dev.toggltrackmcp.sandbox.ManualClock;
import dev.toggltrackmcp.sandbox.SimulatorOptions;
import dev.toggltrackmcp.sandbox.TogglSimulator;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/bench [questions|team|history|startup|load]}: Toggl requests per question set (cold,
 * warm, new process after and within the freshness window, and uncached), tool-call latency with a
 * warm cache, and startup figures. Everything runs against the simulator on loopback; prints
 * tables, asserts nothing.
 */
public final class Bench {
  static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

  private Bench() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    String what = args.length == 0 ? "questions" : args[0];
    if (what.equals("load")) {
      LoadBench.main(java.util.Arrays.copyOfRange(args, 1, args.length));
      System.exit(0); // the SDK leaves a non-daemon session sweeper thread behind
    }
    if (what.equals("history")) {
      HistoryBench.run();
      return;
    }
    if (what.equals("team")) {
      team();
      return;
    }
    if (what.equals("startup")) {
      StartupBench.run(args.length > 1 ? Integer.parseInt(args[1]) : 10);
      return;
    }
    System.out.println("Question set: " + QuestionSet.QUESTIONS.size() + " questions");
    System.out.println();
    System.out.printf(
        "%-40s %6s %6s %8s %8s %9s %9s %8s %8s%n",
        "account", "cold", "warm", "next+16m", "next+1m", "uncached", "calls", "p50 ms", "p95 ms");
    questions("personal (3,000 entries, 230 projects)", SimulatorOptions.defaults());
    questions(
        "large (50,000 entries, 2,000 projects)",
        SimulatorOptions.defaults().withEntryCount(50_000).withProjectCount(2_000));
    System.out.println();
    System.out.println(
        "cold: a first start with an empty cache; warm: the set again at once; next+16m / next+1m:"
            + " a new process on the cache file, 16 minutes / 1 minute later; uncached: every"
            + " question answered by a fresh server with no cache (how a cache-less server pays)."
            + " Within the 5-minute window only \"current entry\" may ask Toggl (its own 30-s"
            + " freshness), so next+1m shows 1.");
    System.out.println();
    team();
    System.out.println(
        "Peak heap after the large run: "
            + usedMb()
            + " MB used of "
            + Runtime.getRuntime().maxMemory() / 1_048_576
            + " MB max");
  }

  private static void questions(String name, SimulatorOptions options) throws Exception {
    ManualClock clock = new ManualClock(NOW);
    Path dir = Files.createTempDirectory("toggl-bench");
    try (TogglSimulator sim =
        TogglSimulator.start(
            Dataset.generate(options.withBurstLimit(false), NOW),
            clock,
            options.withBurstLimit(false).withQuotas(100_000, 100_000))) {
      Settings settings =
          Settings.forToken(Secret.of(sim.token()), sim.baseUrl()).withCacheDir(dir);
      ServerAssembly first = ServerAssembly.of(settings, clock, clock::sleep);
      int cold = askAll(first, sim, null);
      List<Long> latencies = new ArrayList<>();
      int warm = askAll(first, sim, null);
      for (int round = 0; round < 20; round++) {
        askAll(first, sim, latencies);
      }
      clock.advance(Duration.ofMinutes(16));
      int later = askAll(ServerAssembly.of(settings, clock, clock::sleep), sim, null);
      clock.advance(Duration.ofMinutes(1));
      int within = askAll(ServerAssembly.of(settings, clock, clock::sleep), sim, null);
      int uncached = 0;
      for (QuestionSet.Question q : QuestionSet.QUESTIONS) {
        ServerAssembly fresh = ServerAssembly.of(settings.withCacheDir(null), clock, clock::sleep);
        sim.requests().reset();
        fresh.tools().call(q.tool(), q.arguments());
        uncached += sim.requests().count();
      }
      Collections.sort(latencies);
      System.out.printf(
          "%-40s %6d %6d %8d %8d %9d %9d %8.2f %8.2f%n",
          name,
          cold,
          warm,
          later,
          within,
          uncached,
          latencies.size(),
          latencies.get(latencies.size() / 2) / 1e6,
          latencies.get((int) (latencies.size() * 0.95)) / 1e6);
    }
  }

  /**
   * The team question set as Ana (an admin of Lima Consulting, 8 members) asks it: cold, warm, a
   * new process on the cache file within and after the 5-minute window, and uncached; plus which
   * Reports endpoints the cold run used.
   */
  private static void team() throws Exception {
    List<QuestionSet.Question> set = QuestionSet.TEAM;
    System.out.println(
        "Team question set: " + set.size() + " questions (Lima Consulting, 8 members)");
    System.out.printf(
        "%-40s %6s %6s %8s %8s %9s%n",
        "account", "cold", "warm", "next+1m", "next+16m", "uncached");
    ManualClock clock = new ManualClock(NOW);
    Path dir = Files.createTempDirectory("toggl-bench-team");
    SimulatorOptions options = SimulatorOptions.defaults().withBurstLimit(false);
    try (TogglSimulator sim =
        TogglSimulator.start(
            Dataset.generate(options, NOW), clock, options.withQuotas(100_000, 100_000))) {
      Settings settings =
          Settings.forToken(Secret.of(sim.token()), sim.baseUrl()).withCacheDir(dir);
      ServerAssembly first = ServerAssembly.of(settings, clock, clock::sleep);
      first.tools().call("get_current_user", Map.of()); // the account, as in a chat
      int cold = askAll(first, sim, null, set);
      Map<String, Integer> endpoints = sim.requests().byEndpoint();
      int warm = askAll(first, sim, null, set);
      clock.advance(Duration.ofMinutes(1));
      int within = askAll(ServerAssembly.of(settings, clock, clock::sleep), sim, null, set);
      clock.advance(Duration.ofMinutes(15));
      int later = askAll(ServerAssembly.of(settings, clock, clock::sleep), sim, null, set);
      int uncached = 0;
      for (QuestionSet.Question q : set) {
        ServerAssembly fresh = ServerAssembly.of(settings.withCacheDir(null), clock, clock::sleep);
        fresh.tools().call("get_current_user", Map.of());
        sim.requests().reset();
        fresh.tools().call(q.tool(), q.arguments());
        uncached += sim.requests().count();
      }
      System.out.printf(
          "%-40s %6d %6d %8d %8d %9d%n",
          "team (Reports pages of 50 rows)", cold, warm, within, later, uncached);
      System.out.println("cold run by endpoint: " + endpoints);
    }
    System.out.println(
        "Counted after the account is loaded. cold: a first start; warm: the set again at once;"
            + " next+1m / next+16m: a new process on the cache file 1 / 16 minutes later (past the"
            + " 5-minute window only ranges that touch today are asked again; closed ranges stay"
            + " until the workspace's reference data changes); uncached: each question alone on a"
            + " server without a cache.");
  }

  /** Asks every question; returns the Toggl requests it cost. */
  private static int askAll(ServerAssembly server, TogglSimulator sim, List<Long> latencies) {
    return askAll(server, sim, latencies, QuestionSet.QUESTIONS);
  }

  private static int askAll(
      ServerAssembly server,
      TogglSimulator sim,
      List<Long> latencies,
      List<QuestionSet.Question> questions) {
    sim.requests().reset();
    for (QuestionSet.Question q : questions) {
      long t0 = System.nanoTime();
      McpSchema.CallToolResult r = server.tools().call(q.tool(), q.arguments());
      long t1 = System.nanoTime();
      if (Boolean.TRUE.equals(r.isError())) {
        throw new IllegalStateException(q.asked() + ": " + r.content());
      }
      if (latencies != null) {
        latencies.add(t1 - t0);
      }
    }
    return sim.requests().count();
  }

  private static long usedMb() {
    Runtime rt = Runtime.getRuntime();
    return (rt.totalMemory() - rt.freeMemory()) / 1_048_576;
  }
}
