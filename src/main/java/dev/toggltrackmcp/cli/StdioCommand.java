package dev.toggltrackmcp.cli;

import dev.toggltrackmcp.config.Settings;
import dev.toggltrackmcp.mcp.Introduction;
import dev.toggltrackmcp.toggl.Sleeper;
import dev.toggltrackmcp.transport.StdioServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** The default: MCP over stdin/stdout, as MCP clients start it. */
@Command(
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    name = "stdio",
    description =
        "Serve MCP over stdin/stdout (the default; what Claude Desktop and others start).")
final class StdioCommand implements Callable<Integer> {
  private final Environment environment;

  StdioCommand(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    Settings settings = environment.settings();
    settings.requireToken(); // a missing token stops the start before anything is answered
    serve(settings, Clock.systemUTC(), environment.in(), stdout(environment));
    return 0;
  }

  /**
   * One stdio session for {@code settings}, as a client starts it and as the archive's training run
   * rehearses it: a waiting {@code initialize} is answered from the introduction before the server
   * is assembled (see {@link StdioServer#run(Introduction, java.util.function.Supplier,
   * InputStream, OutputStream)}).
   */
  static void serve(Settings settings, Clock clock, InputStream in, OutputStream out)
      throws IOException {
    StdioServer.run(
        Introduction.of(settings.writeEnabled(), Version.current()),
        () -> ServerAssembly.of(settings, clock, Sleeper.real()).tools(),
        in,
        out);
  }

  /** The process's real stdout is claimed for JSON-RPC alone; tests pass their own stream. */
  static OutputStream stdout(Environment environment) {
    return environment.out() == System.out ? StdioServer.claimStdout() : environment.out();
  }
}
