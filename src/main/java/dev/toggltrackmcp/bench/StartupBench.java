package dev.toggltrackmcp.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toggltrackmcp.sandbox.Dataset;
import dev.toggltrackmcp.sandbox.SimulatorOptions;
import dev.toggltrackmcp.sandbox.TogglSimulator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Startup as an MCP client sees it: process start to the {@code initialize} answer, to the {@code
 * tools/list} answer (a client asks it at once, and shows the server ready when it comes), and to
 * the first {@code tools/call} answer with a warm cache, asked straight after; for the launcher on
 * Java 17 and on Java 25+ (when one is installed), a plain {@code java -jar}, and the smallest MCP
 * server on the official TypeScript SDK (when {@code bin/bench} could install it), timed in turn,
 * round after round, in one run; the classes a start loads before it answers; peak RSS of an idle
 * server and of one that answered the question set on the 50,000-entry account.
 */
final class StartupBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INIT =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}";
  private static final String INITIALIZED =
      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
  private static final String TOOLS_LIST =
      "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

  private StartupBench() {}

  /**
   * One way to start a server: its command, what it adds to the environment, its first tool call
   * (none for a server that cannot reach the simulator).
   */
  private record Start(
      String name, List<String> command, Map<String, String> env, List<String> calls) {}

  static void run(int runs) throws Exception {
    Path root = Path.of("").toAbsolutePath();
    Path jar = root.resolve("target/toggl-track-mcp.jar");
    Path launcher = root.resolve("bin/toggl-track-mcp");
    Path javaHome = Path.of(System.getProperty("java.home"));
    String java = javaHome.resolve("bin/java").toString();
    int feature = Runtime.version().feature();
    Path cache = Files.createTempDirectory("toggl-bench-startup");
    SimulatorOptions options = SimulatorOptions.defaults().withQuotas(100_000, 100_000);
    try (TogglSimulator sim =
        TogglSimulator.start(
            Dataset.generate(options, Clock.systemUTC().instant()), Clock.systemUTC(), options)) {
      Map<String, String> env =
          Map.of(
              "TOGGL_API_TOKEN", sim.token(),
              "TOGGL_API_BASE_URL", sim.baseUrl().toString(),
              "TOGGL_CACHE_DIR", cache.toString());
      List<String> ours = List.of(call(3, "get_current_user"));
      List<Start> starts = new ArrayList<>();
      starts.add(
          new Start(
              "bin/toggl-track-mcp, Java " + feature,
              List.of(launcher.toString(), "stdio"),
              with(env, "JAVA_HOME", javaHome.toString()),
              ours));
      Path newer = Jdks.newestAtLeast(25);
      if (newer != null && !newer.equals(javaHome)) {
        starts.add(
            new Start(
                "bin/toggl-track-mcp, Java " + Jdks.feature(newer),
                List.of(launcher.toString(), "stdio"),
                with(env, "JAVA_HOME", newer.toString()),
                ours));
      }
      starts.add(
          new Start(
              "java -jar, Java " + feature,
              List.of(java, "-jar", jar.toString(), "stdio"),
              env,
              ours));
      String nodeDir = System.getenv("NODE_MINIMAL_MCP");
      Start node = null;
      if (nodeDir != null && Files.isDirectory(Path.of(nodeDir, "node_modules"))) {
        node =
            new Start(
                "minimal TS SDK server, Node",
                List.of("node", Path.of(nodeDir, "server.mjs").toString()),
                Map.of(),
                List.of(
                    "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":"
                        + "{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}}}"));
        starts.add(node);
      }
      // the most used peer, built from a snapshot outside the repository (its API root is fixed to
      // Toggl's, so only its start and its tools/list are comparable)
      String peer = System.getenv("PEER_MCP_TOGGL");
      if (peer != null && Files.isRegularFile(Path.of(peer))) {
        starts.add(
            new Start(
                "verygoodplugins/mcp-toggl, Node¹",
                List.of("node", peer),
                Map.of("TOGGL_API_KEY", "bench-token-not-used-0123456789"),
                List.of()));
      }
      Map<Start, List<long[]>> times = new LinkedHashMap<>();
      for (Start s : starts) {
        one(s.command(), s.env(), s.calls(), false); // fills the cache; trains archives
        one(s.command(), s.env(), s.calls(), false);
        times.put(s, new ArrayList<>());
      }
      for (int i = 0; i < runs; i++) {
        for (Start s : starts) {
          times.get(s).add(one(s.command(), s.env(), s.calls(), false));
        }
      }
      System.out.printf(
          "Startup over stdio, %d rounds, each server once a round (ms: median [min..max])%n",
          runs);
      System.out.printf(
          "%-34s %-18s %-18s %-20s %s%n",
          "", "to initialize", "to tools/list", "to first tools/call", "vs Node (init, list)");
      for (Map.Entry<Start, List<long[]>> e : times.entrySet()) {
        List<long[]> t = e.getValue();
        String ratios =
            node == null
                ? "-"
                : String.format(
                    "%.2f×, %.2f×",
                    median(t, 0) / (double) median(times.get(node), 0),
                    median(t, 1) / (double) median(times.get(node), 1));
        System.out.printf(
            "%-34s %-18s %-18s %-20s %s%n",
            e.getKey().name(),
            stats(t, 0),
            stats(t, 1),
            e.getKey().calls().isEmpty() ? "-" : stats(t, 2),
            ratios);
      }
      if (node == null) {
        System.out.println("(no Node row: bin/bench needs node and npm to install the yardstick)");
      }
      if (peer != null) {
        System.out.println(
            "¹ PEER_MCP_TOGGL: its Toggl root is fixed, so it is asked no tool call.");
      }
      System.out.printf(
          "Classes loaded before the initialize answer (java -jar, Java %d): %d%n",
          feature, classesToInitialize(java, jar, env));
      long[] idle =
          one(
              List.of(launcher.toString(), "stdio"),
              with(env, "JAVA_HOME", javaHome.toString()),
              List.of(),
              true);
      System.out.printf("Peak RSS of an idle stdio server: %d MB%n", idle[3] / 1024);
    }
    SimulatorOptions large =
        SimulatorOptions.defaults()
            .withEntryCount(50_000)
            .withProjectCount(2_000)
            .withQuotas(100_000, 100_000)
            .withBurstLimit(false);
    Path bigCache = Files.createTempDirectory("toggl-bench-large");
    try (TogglSimulator sim =
        TogglSimulator.start(
            Dataset.generate(large, Clock.systemUTC().instant()), Clock.systemUTC(), large)) {
      Map<String, String> env =
          Map.of(
              "TOGGL_API_TOKEN", sim.token(),
              "TOGGL_API_BASE_URL", sim.baseUrl().toString(),
              "TOGGL_CACHE_DIR", bigCache.toString(),
              "JAVA_HOME", javaHome.toString());
      List<String> calls = new ArrayList<>();
      int id = 10;
      for (QuestionSet.Question q : QuestionSet.QUESTIONS) {
        calls.add(
            JSON.writeValueAsString(
                Map.of(
                    "jsonrpc",
                    "2.0",
                    "id",
                    id++,
                    "method",
                    "tools/call",
                    "params",
                    Map.of("name", q.tool(), "arguments", q.arguments()))));
      }
      long[] busy = one(List.of(launcher.toString(), "stdio"), env, calls, true);
      System.out.printf(
          "Peak RSS after the question set on 50,000 entries / 2,000 projects: %d MB%n",
          busy[3] / 1024);
    }
    System.out.printf("Jar size: %.1f MB%n", Files.size(jar) / 1_048_576.0);
  }

  private static Map<String, String> with(Map<String, String> env, String name, String value) {
    Map<String, String> m = new LinkedHashMap<>(env);
    m.put(name, value);
    return m;
  }

  /** Counts the JVM's class-load log lines at the moment the initialize answer arrives. */
  private static long classesToInitialize(String java, Path jar, Map<String, String> env)
      throws Exception {
    Path log = Files.createTempFile("toggl-bench-classes", ".log");
    ProcessBuilder pb =
        new ProcessBuilder(
                java, "-Xlog:class+load=info:file=" + log, "-jar", jar.toString(), "stdio")
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().write((INIT + "\n").getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().flush();
    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))
        .readLine();
    long count;
    try (Stream<String> lines = Files.lines(log)) {
      count = lines.count();
    }
    p.getOutputStream().close();
    p.waitFor(30, TimeUnit.SECONDS);
    Files.deleteIfExists(log);
    return count;
  }

  private static String call(int id, String tool) {
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + id
        + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
        + tool
        + "\",\"arguments\":{}}}";
  }

  /**
   * Returns {ns to the initialize answer, to the tools/list answer, to the last answer of {@code
   * calls} (sent once tools/list is answered), peak RSS kB (when asked)}.
   */
  private static long[] one(
      List<String> command, Map<String, String> env, List<String> calls, boolean rss)
      throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().remove("JAVA_HOME");
    pb.environment().putAll(env);
    long t0 = System.nanoTime();
    Process p = pb.start();
    OutputStream in = p.getOutputStream();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    in.write((INIT + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
    out.readLine();
    long init = System.nanoTime() - t0;
    in.write((INITIALIZED + "\n" + TOOLS_LIST + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
    out.readLine();
    long list = System.nanoTime() - t0;
    for (String c : calls) {
      in.write((c + "\n").getBytes(StandardCharsets.UTF_8));
    }
    in.flush();
    for (int i = 0; i < calls.size(); i++) {
      out.readLine();
    }
    long last = System.nanoTime() - t0;
    long peak = rss ? peakRssKb(p.pid()) : 0;
    in.close();
    p.waitFor(30, TimeUnit.SECONDS);
    return new long[] {init, list, last, peak};
  }

  private static long peakRssKb(long pid) throws Exception {
    // the launcher execs java, so the pid is the JVM's
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return -1;
  }

  private static String stats(List<long[]> runs, int i) {
    List<Long> v = new ArrayList<>(runs.stream().map(r -> r[i] / 1_000_000).toList());
    Collections.sort(v);
    return v.get(v.size() / 2) + " [" + v.get(0) + ".." + v.get(v.size() - 1) + "]";
  }

  private static long median(List<long[]> runs, int i) {
    List<Long> v = new ArrayList<>(runs.stream().map(r -> r[i]).toList());
    Collections.sort(v);
    return v.get(v.size() / 2);
  }
}
