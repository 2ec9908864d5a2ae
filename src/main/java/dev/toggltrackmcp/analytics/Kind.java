package dev.toggltrackmcp.analytics;

import java.util.Locale;

/** What a name in the account can point to; users are the members of a workspace. */
public enum Kind {
  WORKSPACE,
  PROJECT,
  CLIENT,
  TASK,
  TAG,
  USER;

  /** As a person says it: "project". */
  public String singular() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String plural() {
    return singular() + "s";
  }
}
