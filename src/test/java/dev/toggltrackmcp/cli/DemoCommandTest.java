package dev.toggltrackmcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's first command: the guided tour answers every question and exits 0. */
class DemoCommandTest {
  @Test
  void theTourAnswersEveryQuestionWithoutAToken() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Environment env =
        new Environment(
            Map.of(),
            Path.of("/nonexistent-dir"),
            Path.of("/tmp"),
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(Main.run(env, "demo", "--at", "2026-11-25T09:00:00Z")).isZero();
    String tour = out.toString(StandardCharsets.UTF_8);
    assertThat(tour.lines().filter(l -> l.startsWith("Q: "))).hasSize(12);
    assertThat(tour)
        .contains("Running for 0:47")
        .contains("Toggl API requests for all 12 questions")
        .contains("claude mcp add")
        .doesNotContain("Invalid argument");
  }
}
