package dev.toggltrackmcp.cli;

import dev.toggltrackmcp.config.ConfigException;
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
      "An MCP server that gives AI assistants read access to your Toggl Track time data.",
      "Configuration comes from environment variables and ./.env (see README)."
    },
    subcommands = {
      StdioCommand.class,
      HttpCommand.class,
      CheckCommand.class,
      DemoCommand.class,
      CallCommand.class
    })
public final class Main implements Callable<Integer> {
  static final int EXIT_CONFIG = 2;

  private final Environment environment;

  Main(Environment environment) {
    this.environment = environment;
  }

  public static void main(String[] args) {
    Logging.configure(System.getenv("LOG_LEVEL"));
    System.exit(run(Environment.ofProcess(), args));
  }

  /** Runs one command line and returns the exit code; never calls System.exit. */
  public static int run(Environment environment, String... args) {
    CommandLine cli = new CommandLine(new Main(environment), new CommandFactory(environment));
    cli.setOut(new java.io.PrintWriter(environment.out(), true));
    cli.setErr(new java.io.PrintWriter(environment.err(), true));
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
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
        });
    return cli.execute(args);
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
