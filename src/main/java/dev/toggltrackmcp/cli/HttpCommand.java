package dev.toggltrackmcp.cli;

import dev.toggltrackmcp.config.Settings;
import dev.toggltrackmcp.toggl.Sleeper;
import dev.toggltrackmcp.transport.HttpServer;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;

/** MCP Streamable HTTP on HOST:PORT/mcp, with /health. */
@Command(
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    name = "http",
    description = "Serve MCP Streamable HTTP at http://HOST:PORT/mcp (and GET /health).")
final class HttpCommand implements Callable<Integer> {
  private final Environment environment;

  HttpCommand(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    Settings settings = environment.settings();
    settings.checkHttpExposure();
    ServerAssembly server = ServerAssembly.of(settings, Clock.systemUTC(), Sleeper.real());
    serveUntilStopped(environment, server, settings);
    return 0;
  }

  static void serveUntilStopped(Environment environment, ServerAssembly server, Settings settings)
      throws Exception {
    HttpServer http = HttpServer.start(server.tools(), settings, Version.current(), server::health);
    environment
        .err()
        .println(
            "toggl-track-mcp: serving MCP at http://"
                + settings.host()
                + ":"
                + http.port()
                + "/mcp"
                + (settings.apiKey().isPresent() ? " (API key required)" : "")
                + "; Ctrl-C to stop.");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    http.close();
                  } catch (Exception ignored) {
                    // shutting down anyway
                  }
                  stopped.countDown();
                }));
    stopped.await();
  }
}
