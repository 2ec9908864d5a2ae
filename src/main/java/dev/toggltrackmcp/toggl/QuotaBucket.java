package dev.toggltrackmcp.toggl;

/**
 * Toggl's two hourly quota buckets: requests about the user ({@code /me…}) and requests that target
 * a workspace or organization (including the Reports API).
 */
public enum QuotaBucket {
  USER,
  ORGANIZATION;

  /** The bucket a request path (after the API root) counts against. */
  public static QuotaBucket of(String path) {
    return path.startsWith("/api/v9/me") ? USER : ORGANIZATION;
  }
}
