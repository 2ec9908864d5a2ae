package dev.toggltrackmcp.config;

/**
 * How much goes to stderr: {@code LOG_LEVEL} for the server's own loggers, {@code
 * LOG_LEVEL_LIBRARIES} for Jetty, the MCP SDK, Reactor and SQLite, which stay at warn unless asked:
 * their debug output is a wall of protocol detail (Jetty's prints every request header).
 */
public record LogLevels(LogLevel ours, LogLevel libraries) {
  public static final LogLevels DEFAULT = new LogLevels(LogLevel.INFO, LogLevel.WARN);
}
