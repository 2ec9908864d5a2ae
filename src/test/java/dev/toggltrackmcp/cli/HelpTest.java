package dev.toggltrackmcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --help} works on every command: exit 0, its usage on stdout, nothing on stderr. */
class HelpTest {
  @ParameterizedTest
  @ValueSource(strings = {"stdio", "http", "check", "demo", "call"})
  void everyCommandHasHelp(String name) {
    CommandRun command = new CommandRun();
    assertThat(command.run(Map.of(), name, "--help")).isZero();
    assertThat(command.out()).startsWith("Usage: toggl-track-mcp " + name).contains("--help");
    assertThat(command.err()).isEmpty();
  }
}
