package dev.toggltrackmcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toggltrackmcp.sandbox.Dataset;
import dev.toggltrackmcp.sandbox.SimulatorOptions;
import dev.toggltrackmcp.sandbox.TogglSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/toggl-track-mcp} as a process: it starts without {@code HOME}; the cache file and the
 * class-data archive land in one directory; and whatever is wrong with the archive, stdout carries
 * only the JSON-RPC answers. Runs the launcher with the JDK running the tests.
 */
class LauncherScriptTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SESSION =
      String.join(
          "\n",
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
              + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}",
          "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
          "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":"
              + "\"get_current_user\",\"arguments\":{}}}",
          "");

  @TempDir Path dir;
  private LauncherCheckout checkout;
  private TogglSimulator simulator;

  @BeforeEach
  void setUp() throws Exception {
    checkout = new LauncherCheckout(Files.createDirectories(dir.resolve("checkout")));
    SimulatorOptions options = SimulatorOptions.defaults().withEntryCount(200);
    simulator =
        TogglSimulator.start(
            Dataset.generate(options, Clock.systemUTC().instant()), Clock.systemUTC(), options);
  }

  @AfterEach
  void tearDown() {
    simulator.close();
  }

  private Map<String, String> toggl() {
    Map<String, String> env = new HashMap<>();
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("TOGGL_API_TOKEN", simulator.token());
    env.put("TOGGL_API_BASE_URL", simulator.baseUrl().toString());
    return env;
  }

  @Test
  void startsWithoutHome() throws Exception {
    Map<String, String> noHome = Map.of("JAVA_HOME", System.getProperty("java.home"));
    Map<String, String> noArchive = new HashMap<>(noHome);
    noArchive.put("TOGGL_MCP_CDS", "off"); // the default directory is the real user's
    LauncherCheckout.Run plain = checkout.run(noArchive, "", "--version");
    assertThat(plain.stderr()).doesNotContain("unbound");
    assertThat(plain.exit()).isZero();
    assertThat(plain.stdout()).singleElement().asString().startsWith("toggl-track-mcp ");

    Map<String, String> xdg = toggl();
    xdg.put("XDG_CACHE_HOME", dir.resolve("xdg").toString());
    LauncherCheckout.Run session = checkout.run(xdg, SESSION, "stdio");
    assertThat(session.stderr()).doesNotContain("unbound");
    assertThat(answers(session)).isEqualTo(2);
    assertThat(names(dir.resolve("xdg/toggl-track-mcp")))
        .anyMatch(n -> n.startsWith("account-"))
        .anyMatch(n -> n.matches("startup-\\p{XDigit}{8}-java\\d+\\.(jsa|aot)"));
  }

  @Test
  void theCacheFileAndTheArchiveLiveInOneDirectoryUnderHome() throws Exception {
    // HOME here is not the home the password database gives the user (Java's user.home)
    Path home = Files.createDirectories(dir.resolve("home"));
    Map<String, String> env = toggl();
    env.put("HOME", home.toString());
    assertThat(answers(checkout.run(env, SESSION, "stdio"))).isEqualTo(2);
    assertThat(names(home.resolve(".cache/toggl-track-mcp")))
        .anyMatch(n -> n.startsWith("account-") && n.endsWith(".sqlite"))
        .anyMatch(n -> n.matches("startup-\\p{XDigit}{8}-java\\d+\\.(jsa|aot)"))
        .anyMatch(n -> n.endsWith(".stamp"));
    try (Stream<Path> all = Files.walk(home)) {
      assertThat(all.filter(Files::isRegularFile))
          .allMatch(p -> p.getParent().equals(home.resolve(".cache/toggl-track-mcp")));
    }
  }

  @Test
  void aDamagedOrForeignArchiveNeverReachesStdout() throws Exception {
    Path cache = dir.resolve("cache");
    Map<String, String> env = toggl();
    env.put("TOGGL_CACHE_DIR", cache.toString());
    assertThat(answers(checkout.run(env, SESSION, "stdio"))).isEqualTo(2); // makes the archive
    Path archive = onlyArchive(cache);
    byte[] good = Files.readAllBytes(archive);
    byte[] noise = new byte[64 * 1024];
    new Random(7).nextBytes(noise);

    // overwritten with noise after it was made: made again, the session unaffected
    Files.write(archive, noise);
    assertThat(answers(checkout.run(env, SESSION, "stdio"))).isEqualTo(2);
    assertThat(Files.size(onlyArchive(cache))).isGreaterThan(noise.length);

    // truncated (which Java 17 does not survive when handed one): made again
    Files.write(onlyArchive(cache), java.util.Arrays.copyOf(good, 8192));
    assertThat(answers(checkout.run(env, SESSION, "stdio"))).isEqualTo(2);
    assertThat(Files.size(onlyArchive(cache))).isGreaterThan(8192);

    // a foreign file that looks as old as its stamp: handed to the JVM, which ignores it
    Path stamp = Path.of(onlyArchive(cache) + ".stamp");
    Files.write(onlyArchive(cache), noise);
    Files.setLastModifiedTime(
        onlyArchive(cache),
        FileTime.fromMillis(Files.getLastModifiedTime(stamp).toMillis() - 1000));
    assertThat(answers(checkout.run(env, SESSION, "stdio"))).isEqualTo(2);
    assertThat(Files.size(onlyArchive(cache))).isEqualTo(noise.length); // not made again
  }

  /** How many answers the run printed; fails unless stdout is JSON-RPC lines and nothing else. */
  private static long answers(LauncherCheckout.Run run) throws Exception {
    assertThat(run.exit()).as(run.stderr()).isZero();
    long answers = 0;
    for (String line : run.stdout()) {
      JsonNode message = JSON.readTree(line);
      assertThat(message.path("jsonrpc").asText()).as(line).isEqualTo("2.0");
      assertThat(message.has("result")).as(line).isTrue();
      answers++;
    }
    return answers;
  }

  private static Path onlyArchive(Path cache) throws Exception {
    List<String> archives =
        names(cache).stream().filter(n -> n.endsWith(".jsa") || n.endsWith(".aot")).toList();
    assertThat(archives).hasSize(1);
    return cache.resolve(archives.get(0));
  }

  private static List<String> names(Path directory) throws Exception {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
