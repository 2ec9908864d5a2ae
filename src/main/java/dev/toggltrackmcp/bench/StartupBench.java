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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Startup as an MCP client sees it: process start to the {@code initialize} answer, and to the
 * first {@code tools/call} answer with a warm cache, through the launcher (CDS, flags) and through
 * a plain {@code java -jar}; plus peak RSS of an idle server and of one that answered the question
 * set on the 50,000-entry account.
 */
final class StartupBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INIT =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}";
  private static final String INITIALIZED =
      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

  private StartupBench() {}

  static void run(int runs) throws Exception {
    Path root = Path.of("").toAbsolutePath();
    Path jar = root.resolve("target/toggl-track-mcp.jar");
    Path launcher = root.resolve("bin/toggl-track-mcp");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path cache = Files.createTempDirectory("toggl-bench-startup");
    SimulatorOptions options = SimulatorOptions.defaults().withQuotas(100_000, 100_000);
    try (TogglSimulator sim =
        TogglSimulator.start(
            Dataset.generate(options, Clock.systemUTC().instant()), Clock.systemUTC(), options)) {
      Map<String, String> env =
          Map.of(
              "TOGGL_API_TOKEN", sim.token(),
              "TOGGL_API_BASE_URL", sim.baseUrl().toString(),
              "TOGGL_CACHE_DIR", cache.toString(),
              "JAVA_HOME", System.getProperty("java.home"));
      List<String> viaLauncher = List.of(launcher.toString(), "stdio");
      List<String> plain = List.of(java, "-jar", jar.toString(), "stdio");
      one(viaLauncher, env, List.of(call(2, "get_current_user")), false); // fills cache + CDS
      one(viaLauncher, env, List.of(), false);
      List<long[]> a = new ArrayList<>();
      List<long[]> b = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        a.add(one(viaLauncher, env, List.of(call(2, "get_current_user")), false));
        b.add(one(plain, env, List.of(call(2, "get_current_user")), false));
      }
      System.out.printf("Startup over stdio, %d runs each (ms: median [min..max])%n", runs);
      System.out.printf("%-28s %-24s %-24s%n", "", "to initialize answer", "to first tools/call");
      print("bin/toggl-track-mcp (CDS)", a);
      print("plain java -jar", b);
      System.out.printf(
          "ratio launcher/plain (median to initialize): %.2f%n",
          median(a, 0) / (double) median(b, 0));
      long[] idle = one(viaLauncher, env, List.of(), true);
      System.out.printf("Peak RSS of an idle stdio server: %d MB%n", idle[2] / 1024);
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
              "JAVA_HOME", System.getProperty("java.home"));
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
          busy[2] / 1024);
    }
    System.out.printf("Jar size: %.1f MB%n", Files.size(jar) / 1_048_576.0);
  }

  private static String call(int id, String tool) {
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + id
        + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
        + tool
        + "\",\"arguments\":{}}}";
  }

  /** Returns {ns to initialize answer, ns to last answer, peak RSS kB (when asked)}. */
  private static long[] one(
      List<String> command, Map<String, String> env, List<String> calls, boolean rss)
      throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
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
    in.write((INITIALIZED + "\n").getBytes(StandardCharsets.UTF_8));
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
    return new long[] {init, last, peak};
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

  private static void print(String name, List<long[]> runs) {
    System.out.printf("%-28s %-24s %-24s%n", name, stats(runs, 0), stats(runs, 1));
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
