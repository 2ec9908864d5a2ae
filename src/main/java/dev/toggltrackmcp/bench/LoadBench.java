package dev.toggltrackmcp.bench;

import dev.toggltrackmcp.cli.ServerAssembly;
import dev.toggltrackmcp.config.Secret;
import dev.toggltrackmcp.config.Settings;
import dev.toggltrackmcp.sandbox.Dataset;
import dev.toggltrackmcp.sandbox.ManualClock;
import dev.toggltrackmcp.sandbox.SimulatorOptions;
import dev.toggltrackmcp.sandbox.TogglSimulator;
import dev.toggltrackmcp.transport.HttpServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code bin/bench load [sessions] [calls]}: many MCP sessions over HTTP on loopback asking the
 * question set at once; reports failures, p50/p95 latency and heap after each of two identical
 * rounds (the second must not grow).
 */
public final class LoadBench {
  private LoadBench() {}

  /** Figures of one round. */
  public record Round(int calls, int failures, double p50Ms, double p95Ms, long heapMb) {}

  public static void main(String[] args) throws Exception {
    int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    ManualClock clock = new ManualClock(Bench.NOW);
    SimulatorOptions options = SimulatorOptions.defaults().withQuotas(100_000, 100_000);
    try (TogglSimulator sim =
        TogglSimulator.start(Dataset.generate(options, Bench.NOW), clock, options)) {
      Settings settings =
          Settings.forToken(Secret.of(sim.token()), sim.baseUrl()).onLoopbackFreePort();
      ServerAssembly server = ServerAssembly.of(settings, clock, clock::sleep);
      try (HttpServer http = HttpServer.start(server.tools(), settings, "bench", server::health)) {
        for (int round = 1; round <= 2; round++) {
          Round r = round(http.port(), sessions, calls);
          System.out.printf(
              "round %d: %d sessions, %d calls, %d failed, p50 %.2f ms, p95 %.2f ms, heap after GC %d MB%n",
              round, sessions, r.calls(), r.failures(), r.p50Ms(), r.p95Ms(), r.heapMb());
        }
        System.out.println("Toggl requests in all: " + sim.requests().count());
      }
    }
  }

  public static Round round(int port, int sessions, int calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(sessions);
    AtomicInteger failures = new AtomicInteger();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    List<Future<?>> work = new ArrayList<>();
    for (int s = 0; s < sessions; s++) {
      int share = calls / sessions + (s < calls % sessions ? 1 : 0);
      int offset = s;
      work.add(
          pool.submit(
              () -> {
                McpSyncClient client =
                    McpClient.sync(
                            HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                                .endpoint("/mcp")
                                .build())
                        .requestTimeout(Duration.ofSeconds(60))
                        .build();
                try {
                  client.initialize();
                  for (int i = 0; i < share; i++) {
                    QuestionSet.Question q =
                        QuestionSet.QUESTIONS.get((offset + i) % QuestionSet.QUESTIONS.size());
                    long t0 = System.nanoTime();
                    McpSchema.CallToolResult r =
                        client.callTool(new McpSchema.CallToolRequest(q.tool(), q.arguments()));
                    latencies.add(System.nanoTime() - t0);
                    if (Boolean.TRUE.equals(r.isError())) {
                      failures.incrementAndGet();
                    }
                  }
                } catch (RuntimeException e) {
                  failures.incrementAndGet();
                } finally {
                  client.closeGracefully();
                }
                return null;
              }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1_048_576;
    return new Round(
        sorted.size(),
        failures.get() + (calls - sorted.size()),
        sorted.get(sorted.size() / 2) / 1e6,
        sorted.get((int) (sorted.size() * 0.95)) / 1e6,
        heap);
  }
}
