package dev.toggltrackmcp.cli;

import dev.toggltrackmcp.config.LogLevel;
import dev.toggltrackmcp.config.LogLevels;

/**
 * Configures slf4j-simple before the first logger exists: everything to stderr, our loggers at
 * {@code LOG_LEVEL}, everything else (Jetty, the MCP SDK, Reactor, SQLite) at {@code
 * LOG_LEVEL_LIBRARIES}.
 */
final class Logging {
  private Logging() {}

  /**
   * @param tour the demo's guided tour is running: its output is the point, so our loggers say only
   *     warnings unless debug was asked for
   */
  static void configure(LogLevels levels, boolean tour) {
    LogLevel ours = tour && levels.ours() != LogLevel.DEBUG ? LogLevel.WARN : levels.ours();
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", levels.libraries().slf4jName());
    System.setProperty("org.slf4j.simpleLogger.log.dev.toggltrackmcp", ours.slf4jName());
    // The SDK's HTTP transport reports every client that hung up before its answer as ERROR, one
    // line per answer it could not send; that is a client leaving, not a fault of the server.
    String hangUps = levels.libraries() == LogLevel.DEBUG ? "debug" : "off";
    for (String logger : SDK_HANG_UP_LOGGERS) {
      System.setProperty("org.slf4j.simpleLogger.log." + logger, hangUps);
    }
  }

  private static final java.util.List<String> SDK_HANG_UP_LOGGERS =
      java.util.List.of(
          "io.modelcontextprotocol.spec.McpTransport",
          "io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider");
}
