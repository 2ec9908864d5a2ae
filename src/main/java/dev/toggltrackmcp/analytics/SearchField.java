package dev.toggltrackmcp.analytics;

import java.util.Locale;

/** Where a search looks for its text. */
public enum SearchField {
  DESCRIPTION,
  PROJECT,
  CLIENT,
  TAG;

  public String argumentName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
