package dev.toggltrackmcp.cli;

import java.util.Locale;
import java.util.Set;

/**
 * Configures slf4j-simple before the first logger exists: everything to stderr, at LOG_LEVEL, and
 * the libraries' chatter one level quieter unless debugging.
 */
final class Logging {
  private static final Set<String> LEVELS = Set.of("error", "warn", "info", "debug");

  private Logging() {}

  static void configure(String level) {
    String l = level == null ? "info" : level.trim().toLowerCase(Locale.ROOT);
    if (!LEVELS.contains(l)) {
      l = "info"; // the settings loader reports the bad value with its own message
    }
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", l);
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
    String libraries = l.equals("debug") ? "debug" : "warn";
    System.setProperty("org.slf4j.simpleLogger.log.io.modelcontextprotocol", libraries);
    System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", libraries);
    System.setProperty("org.slf4j.simpleLogger.log.reactor", libraries);
  }
}
