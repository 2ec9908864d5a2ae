package dev.toggltrackmcp.cli;

import dev.toggltrackmcp.config.DotEnv;
import dev.toggltrackmcp.config.Settings;
import dev.toggltrackmcp.config.SettingsLoader;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may see of the outside world: variables, the working directory, the standard
 * streams. The only place the process environment is read; tests build their own.
 */
public record Environment(
    Map<String, String> variables,
    Path workingDirectory,
    Path userHome,
    InputStream in,
    PrintStream out,
    PrintStream err) {

  public static Environment ofProcess() {
    return new Environment(
        System.getenv(),
        Path.of("").toAbsolutePath(),
        Path.of(System.getProperty("user.home")),
        System.in,
        System.out,
        System.err);
  }

  /** Settings from the variables and {@code ./.env}; throws a ConfigException when one is bad. */
  public Settings settings() {
    return SettingsLoader.load(variables, DotEnv.read(workingDirectory.resolve(".env")), userHome);
  }
}
