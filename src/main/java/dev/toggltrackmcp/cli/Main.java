package dev.toggltrackmcp.cli;

import dev.toggltrackmcp.config.ConfigException;
import dev.toggltrackmcp.config.DotEnv;
import dev.toggltrackmcp.config.LogLevels;
import dev.toggltrackmcp.config.SettingsLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: parses the command line and runs one command. */
@Command(
    name = "toggl-track-mcp",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    description = {
      "An MCP server that gives AI assistants exact access to your Toggl Track time data"
          + " (read-only unless TOGGL_WRITE_ENABLED=true).",
      "Configuration comes from environment variables and ./.env (see README)."
    },
    subcommands = {
      StdioCommand.class,
      HttpCommand.class,
      CheckCommand.class,
      DemoCommand.class,
      CallCommand.class,
      StartupTraining.class
    })
public final class Main implements Callable<Integer> {
  static final int EXIT_CONFIG = 2;

  private final Environment environment;

  Main(Environment environment) {
    this.environment = environment;
  }

  public static void main(String[] args) {
    Map<String, String> variables = System.getenv();
    Map<String, String> dotEnv = dotEnvOrNothing(Path.of("").toAbsolutePath());
    RedactingStream.installOnStderr(secretValues(variables, dotEnv));
    boolean stdio = servesStdio(args);
    Logging.configure(levelsOrDefault(variables, dotEnv), !stdio && isTour(args));
    Environment environment = Environment.ofProcess();
    System.exit(stdio ? serveStdio(environment) : run(environment, args));
  }

  /**
   * True for the command line every MCP client starts (nothing, or just {@code stdio}): it is
   * served without building picocli's model of every command, which the start would otherwise wait
   * for.
   */
  static boolean servesStdio(String... args) {
    return args.length == 0 || (args.length == 1 && args[0].equals("stdio"));
  }

  /** What {@code run(environment, "stdio")} does, without the command-line parser. */
  static int serveStdio(Environment environment) {
    try {
      return new StdioCommand(environment).call();
    } catch (Exception e) {
      return failed(e, environment);
    }
  }

  /** {@code ./.env} for the log settings; when it is malformed the command reports that itself. */
  private static Map<String, String> dotEnvOrNothing(Path workingDirectory) {
    try {
      return DotEnv.read(workingDirectory.resolve(".env"));
    } catch (ConfigException e) {
      return Map.of();
    }
  }

  private static LogLevels levelsOrDefault(
      Map<String, String> variables, Map<String, String> dotEnv) {
    try {
      return SettingsLoader.logLevels(variables, dotEnv);
    } catch (ConfigException e) {
      return LogLevels.DEFAULT; // the command stops with the message naming the variable
    }
  }

  /** The raw values of the secret variables, masked in stderr even when they are invalid. */
  private static List<String> secretValues(
      Map<String, String> variables, Map<String, String> dotEnv) {
    List<String> values = new ArrayList<>();
    for (String name : List.of("TOGGL_API_TOKEN", "MCP_API_KEY")) {
      for (Map<String, String> source : List.of(variables, dotEnv)) {
        String value = source.get(name);
        if (value != null) {
          values.add(value.strip());
        }
      }
    }
    return values;
  }

  /**
   * True when the command line runs the demo's guided tour (not {@code --stdio} or {@code
   * --serve}).
   */
  static boolean isTour(String... args) {
    Environment none = new Environment(Map.of(), Path.of(""), Path.of(""), null, null, null);
    try {
      CommandLine.ParseResult parsed =
          new CommandLine(new Main(none), new CommandFactory(none)).parseArgs(args);
      CommandLine.ParseResult sub = parsed.subcommand();
      return sub != null
          && sub.commandSpec().name().equals("demo")
          && !sub.hasMatchedOption("--stdio")
          && !sub.hasMatchedOption("--serve")
          && !sub.isUsageHelpRequested();
    } catch (CommandLine.ParameterException e) {
      return false;
    }
  }

  /** Runs one command line and returns the exit code; never calls System.exit. */
  public static int run(Environment environment, String... args) {
    CommandLine cli = new CommandLine(new Main(environment), new CommandFactory(environment));
    cli.setOut(new java.io.PrintWriter(environment.out(), true));
    cli.setErr(new java.io.PrintWriter(environment.err(), true));
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> failed(e, environment));
    return cli.execute(args);
  }

  /** The exit code for a command that threw, after one line (or the log) saying why. */
  private static int failed(Exception e, Environment environment) {
    if (e instanceof ConfigException) {
      environment.err().println("toggl-track-mcp: " + e.getMessage());
      return EXIT_CONFIG;
    }
    if (e instanceof dev.toggltrackmcp.toggl.TogglException) {
      environment.err().println("toggl-track-mcp: " + e.getMessage());
      return 1;
    }
    org.slf4j.LoggerFactory.getLogger(Main.class).error("Unexpected failure", e);
    environment.err().println("toggl-track-mcp: unexpected failure (see the log above).");
    return 1;
  }

  Environment environment() {
    return environment;
  }

  /** No command: serve stdio, which is what MCP clients expect. */
  @Override
  public Integer call() throws Exception {
    return new StdioCommand(environment).call();
  }
}
