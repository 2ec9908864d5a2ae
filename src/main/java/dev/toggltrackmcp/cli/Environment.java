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
        home(System.getenv("HOME"), System.getProperty("user.home")),
        System.in,
        System.out,
        System.err);
  }

  /**
   * The home directory the default cache directory is under: {@code $HOME}, as the launcher (and
   * every XDG tool) reads it, or, when it is unset, the user's home from the password database
   * (Java's {@code user.home}), which is what the launcher's bash finds then too.
   */
  static Path home(String homeVariable, String userHome) {
    return Path.of(homeVariable != null && !homeVariable.isBlank() ? homeVariable : userHome);
  }

  /** Settings from the variables and {@code ./.env}; throws a ConfigException when one is bad. */
  public Settings settings() {
    return SettingsLoader.load(variables, DotEnv.read(workingDirectory.resolve(".env")), userHome);
  }
}
