package dev.toggltrackmcp.analytics;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a summary can be broken down by; {@code USER} only in team summaries. */
public enum Dimension {
  PROJECT,
  CLIENT,
  TAG,
  DAY,
  WEEK,
  MONTH,
  DESCRIPTION,
  BILLABLE,
  USER;

  public String argumentName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean chronological() {
    return this == DAY || this == WEEK || this == MONTH;
  }

  public static Optional<Dimension> named(String name) {
    return Arrays.stream(values()).filter(d -> d.argumentName().equals(name)).findFirst();
  }
}
