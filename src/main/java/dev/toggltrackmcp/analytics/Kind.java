package dev.toggltrackmcp.analytics;

import java.util.Locale;

/** What a name in the account can point to. Users join when the team tools arrive. */
public enum Kind {
  WORKSPACE,
  PROJECT,
  CLIENT,
  TASK,
  TAG;

  /** As a person says it: "project". */
  public String singular() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String plural() {
    return singular() + "s";
  }
}
