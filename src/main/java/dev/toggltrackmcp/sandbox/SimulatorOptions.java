package dev.toggltrackmcp.sandbox;

/**
 * How big and how strict the simulated Toggl is. Defaults describe a freelancer's year; the
 * benchmark scales {@code entryCount} and {@code projectCount} up.
 *
 * @param seed makes the world reproducible: same seed and same "now" give the same data
 * @param entryCount time entries over about 400 days (up to 50,000)
 * @param projectCount projects in the main workspace (over 200 so paging matters)
 * @param timezone the user's Toggl timezone
 * @param token the API token the simulator accepts
 * @param userQuotaPerHour requests per hour on {@code /me…} paths
 * @param orgQuotaPerHour requests per hour on workspace and Reports paths
 * @param burstLimit answer 429 when requests come faster than about one a second
 */
public record SimulatorOptions(
    long seed,
    int entryCount,
    int projectCount,
    String timezone,
    String token,
    int userQuotaPerHour,
    int orgQuotaPerHour,
    boolean burstLimit) {

  public static final String DEFAULT_TOKEN = "sim-token-0123456789abcdef";

  public static SimulatorOptions defaults() {
    return new SimulatorOptions(
        20261125L, 3000, 230, "Europe/Berlin", DEFAULT_TOKEN, 30, 240, true);
  }

  public SimulatorOptions withEntryCount(int n) {
    return new SimulatorOptions(
        seed, n, projectCount, timezone, token, userQuotaPerHour, orgQuotaPerHour, burstLimit);
  }

  public SimulatorOptions withProjectCount(int n) {
    return new SimulatorOptions(
        seed, entryCount, n, timezone, token, userQuotaPerHour, orgQuotaPerHour, burstLimit);
  }

  public SimulatorOptions withTimezone(String zone) {
    return new SimulatorOptions(
        seed, entryCount, projectCount, zone, token, userQuotaPerHour, orgQuotaPerHour, burstLimit);
  }

  public SimulatorOptions withQuotas(int userPerHour, int orgPerHour) {
    return new SimulatorOptions(
        seed, entryCount, projectCount, timezone, token, userPerHour, orgPerHour, burstLimit);
  }

  public SimulatorOptions withBurstLimit(boolean on) {
    return new SimulatorOptions(
        seed, entryCount, projectCount, timezone, token, userQuotaPerHour, orgQuotaPerHour, on);
  }
}
