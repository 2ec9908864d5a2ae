package dev.toggltrackmcp.config;

import java.util.Locale;

/** How much the server writes to stderr. */
public enum LogLevel {
  ERROR,
  WARN,
  INFO,
  DEBUG;

  /** The name slf4j-simple understands. */
  public String slf4jName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
