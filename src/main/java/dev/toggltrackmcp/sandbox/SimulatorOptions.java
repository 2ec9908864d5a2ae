package dev.toggltrackmcp.sandbox;

import java.time.Duration;

/**
 * How big and how strict the simulated Toggl is. Defaults describe a freelancer's year; the
 * benchmark scales {@code entryCount} and {@code projectCount} up.
 *
 * @param seed makes the world reproducible: same seed and same "now" give the same data
 * @param entryCount Ana's time entries over about 400 days (up to 50,000); it sets how finely her
 *     workdays are cut, so the count is approximate. Her team's entries come on top
 * @param projectCount projects in the main workspace (over 200 so paging matters; at least 12)
 * @param timezone the users' Toggl timezone
 * @param token Ana's API token (her teammates' are in {@link Dataset#members()})
 * @param userQuotaPerHour requests per hour and per user on {@code /me…} paths
 * @param orgQuotaPerHour requests per hour and per user on workspace and Reports paths
 * @param burstLimit answer 429 when one token's requests come faster than about one a second
 * @param reportsPageSize the most rows a Reports search returns per page; 50 is Toggl's documented
 *     default, the maximum is unverified
 * @param oversizedPage what a Reports search does with a larger {@code page_size}
 * @param stallCap the longest any stall fault holds a request before the connection is dropped
 */
public record SimulatorOptions(
    long seed,
    int entryCount,
    int projectCount,
    String timezone,
    String token,
    int userQuotaPerHour,
    int orgQuotaPerHour,
    boolean burstLimit,
    int reportsPageSize,
    OversizedPage oversizedPage,
    Duration stallCap) {

  public static final String DEFAULT_TOKEN = "sim-token-0123456789abcdef";

  /** A Reports {@code page_size} above {@link #reportsPageSize}: silently clamped, or a 400. */
  public enum OversizedPage {
    CLAMP,
    REFUSE
  }

  public SimulatorOptions {
    if (entryCount < 0 || projectCount < SeedCatalog.NAMED_PROJECTS.length) {
      throw new IllegalArgumentException(
          "entryCount must be >= 0 and projectCount >= " + SeedCatalog.NAMED_PROJECTS.length);
    }
    if (reportsPageSize < 1 || stallCap.isNegative()) {
      throw new IllegalArgumentException("reportsPageSize must be >= 1, stallCap >= 0");
    }
  }

  public static SimulatorOptions defaults() {
    return new SimulatorOptions(
        20261125L,
        3000,
        230,
        "Europe/Berlin",
        DEFAULT_TOKEN,
        30,
        240,
        true,
        50,
        OversizedPage.CLAMP,
        Duration.ofSeconds(60));
  }

  public SimulatorOptions withSeed(long s) {
    return new SimulatorOptions(
        s,
        entryCount,
        projectCount,
        timezone,
        token,
        userQuotaPerHour,
        orgQuotaPerHour,
        burstLimit,
        reportsPageSize,
        oversizedPage,
        stallCap);
  }

  public SimulatorOptions withEntryCount(int n) {
    return new SimulatorOptions(
        seed,
        n,
        projectCount,
        timezone,
        token,
        userQuotaPerHour,
        orgQuotaPerHour,
        burstLimit,
        reportsPageSize,
        oversizedPage,
        stallCap);
  }

  public SimulatorOptions withProjectCount(int n) {
    return new SimulatorOptions(
        seed,
        entryCount,
        n,
        timezone,
        token,
        userQuotaPerHour,
        orgQuotaPerHour,
        burstLimit,
        reportsPageSize,
        oversizedPage,
        stallCap);
  }

  public SimulatorOptions withTimezone(String zone) {
    return new SimulatorOptions(
        seed,
        entryCount,
        projectCount,
        zone,
        token,
        userQuotaPerHour,
        orgQuotaPerHour,
        burstLimit,
        reportsPageSize,
        oversizedPage,
        stallCap);
  }

  public SimulatorOptions withQuotas(int userPerHour, int orgPerHour) {
    return new SimulatorOptions(
        seed,
        entryCount,
        projectCount,
        timezone,
        token,
        userPerHour,
        orgPerHour,
        burstLimit,
        reportsPageSize,
        oversizedPage,
        stallCap);
  }

  public SimulatorOptions withBurstLimit(boolean on) {
    return new SimulatorOptions(
        seed,
        entryCount,
        projectCount,
        timezone,
        token,
        userQuotaPerHour,
        orgQuotaPerHour,
        on,
        reportsPageSize,
        oversizedPage,
        stallCap);
  }

  /** Reports pages of at most {@code max} rows; {@code above} says what a larger request gets. */
  public SimulatorOptions withReportsPageSize(int max, OversizedPage above) {
    return new SimulatorOptions(
        seed,
        entryCount,
        projectCount,
        timezone,
        token,
        userQuotaPerHour,
        orgQuotaPerHour,
        burstLimit,
        max,
        above,
        stallCap);
  }

  public SimulatorOptions withStallCap(Duration cap) {
    return new SimulatorOptions(
        seed,
        entryCount,
        projectCount,
        timezone,
        token,
        userQuotaPerHour,
        orgQuotaPerHour,
        burstLimit,
        reportsPageSize,
        oversizedPage,
        cap);
  }
}
