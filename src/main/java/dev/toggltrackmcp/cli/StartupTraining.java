package dev.toggltrackmcp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toggltrackmcp.config.Secret;
import dev.toggltrackmcp.config.Settings;
import dev.toggltrackmcp.sandbox.Dataset;
import dev.toggltrackmcp.sandbox.SimulatorOptions;
import dev.toggltrackmcp.sandbox.TogglSimulator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * The launcher's training run for the class-data archive (AppCDS on Java 17–24, the AOT cache on
 * 25+): one stdio session as a client starts it — {@code initialize}, {@code tools/list}, and a
 * tool call twice (from Toggl, then from the cache file) — against the built-in simulator on
 * loopback and a throw-away cache directory, so the archive holds the classes a real start needs.
 * Exits 0 only when every request was answered without an error, so a failed run leaves no archive.
 */
@Command(name = "train-startup", hidden = true)
final class StartupTraining implements Callable<Integer> {
  static final List<String> REQUESTS =
      List.of(
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
              + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"training\","
              + "\"version\":\"1\"}}}",
          "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
          "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
          "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":"
              + "\"get_current_user\",\"arguments\":{}}}",
          "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":"
              + "\"get_current_user\",\"arguments\":{}}}");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Environment environment;

  StartupTraining(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    SimulatorOptions options = SimulatorOptions.defaults().withEntryCount(300);
    Clock clock = Clock.systemUTC();
    Path cache = Files.createTempDirectory("toggl-track-mcp-training");
    try (TogglSimulator simulator =
        TogglSimulator.start(Dataset.generate(options, clock.instant()), clock, options)) {
      Settings settings =
          environment
              .settings()
              .withApiToken(Secret.of(simulator.token()), simulator.baseUrl())
              .withCacheDir(cache);
      ByteArrayOutputStream answers = new ByteArrayOutputStream();
      byte[] requests = (String.join("\n", REQUESTS) + "\n").getBytes(StandardCharsets.UTF_8);
      StdioCommand.serve(settings, clock, new ByteArrayInputStream(requests), answers);
      long good = 0;
      for (String line : answers.toString(StandardCharsets.UTF_8).split("\n")) {
        JsonNode answer = line.isBlank() ? null : JSON.readTree(line);
        if (answer != null
            && answer.has("result")
            && !answer.get("result").path("isError").asBoolean(false)) {
          good++;
        }
      }
      long asked = REQUESTS.stream().filter(r -> r.contains("\"id\"")).count();
      environment.err().println("train-startup: " + good + " of " + asked + " answered");
      return good == asked ? 0 : 1;
    } finally {
      try (Stream<Path> files = Files.walk(cache)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
