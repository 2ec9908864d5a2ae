package dev.toggltrackmcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.testing.ServerProcess;
import dev.toggltrackmcp.testing.SimulatedWorld;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** How the command line sets up logging, seen from outside: real processes, their stderr. */
class LoggingTest {
  private static final String CALLS =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n"
          + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
          + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"list_workspaces\",\"arguments\":{}}}\n";

  @TempDir Path directory;

  /**
   * Runs the command in {@link #directory}, sends {@code stdin}, and closes it once stdout shows
   * {@code lastAnswer} (or the process ends); returns stderr.
   */
  private String stderrOf(String stdin, String lastAnswer, String... args) throws Exception {
    Path err = directory.resolve("stderr.txt");
    Process p =
        ServerProcess.builder(args)
            .directory(directory.toFile())
            .redirectError(err.toFile())
            .start();
    OutputStream in = p.getOutputStream();
    in.write(stdin.getBytes(StandardCharsets.UTF_8));
    in.flush();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    for (String line; (line = out.readLine()) != null && !line.contains(lastAnswer); ) {
      // answers before the last one
    }
    in.close();
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
    return Files.readString(err);
  }

  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void logLevelInDotEnvIsApplied() throws Exception {
    Files.writeString(directory.resolve(".env"), "LOG_LEVEL=debug\n");
    String log =
        stderrOf(
            CALLS,
            "\"id\":2",
            "demo",
            "--stdio",
            "--entries",
            "200",
            "--at",
            SimulatedWorld.NOW.toString());
    assertThat(log).contains("DEBUG dev.toggltrackmcp.toggl.TogglHttp - GET /api/v9/me");
  }

  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void theTourReadsCleanlyWithoutInfoLinesUnlessDebugIsAsked() throws Exception {
    String tour =
        stderrOf("", "never", "demo", "--entries", "300", "--at", SimulatedWorld.NOW.toString());
    assertThat(tour).contains("simulated Toggl at").doesNotContain(" INFO ");
    Files.writeString(directory.resolve(".env"), "LOG_LEVEL=debug\n");
    String debug =
        stderrOf("", "never", "demo", "--entries", "300", "--at", SimulatedWorld.NOW.toString());
    assertThat(debug).contains(" INFO dev.toggltrackmcp.store").contains(" DEBUG ");
  }

  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aBadLibrariesLevelStopsStartupWithOneLineNamingIt() throws Exception {
    Files.writeString(directory.resolve(".env"), "LOG_LEVEL_LIBRARIES=loud\n");
    String log = stderrOf("", "never", "demo", "--stdio");
    assertThat(log.strip())
        .isEqualTo(
            "toggl-track-mcp: LOG_LEVEL_LIBRARIES must be one of error, warn, info, debug, not"
                + " 'loud'.");
  }
}
