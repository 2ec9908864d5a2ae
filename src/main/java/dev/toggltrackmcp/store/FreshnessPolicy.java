package dev.toggltrackmcp.store;

import java.time.Duration;

/**
 * How old cached data may be before a question costs a Toggl request.
 *
 * @param entries time entries: within this window a question makes no request; after it, one {@code
 *     since} request brings what changed
 * @param running "what am I tracking now": checked more often
 * @param reference workspaces, projects, clients, tags, tasks; also refreshed at once when an entry
 *     names a project, tag or task the cache does not know
 * @param lowQuota when Toggl says no more requests than this are left, answer from the cache
 */
public record FreshnessPolicy(
    Duration entries, Duration running, Duration reference, int lowQuota) {

  public static final FreshnessPolicy DEFAULT =
      new FreshnessPolicy(Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofHours(6), 2);
}
