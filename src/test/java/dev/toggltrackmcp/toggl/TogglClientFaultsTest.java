package dev.toggltrackmcp.toggl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.toggltrackmcp.sandbox.Fault;
import dev.toggltrackmcp.sandbox.SimulatorOptions;
import dev.toggltrackmcp.testing.SimulatedWorld;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way Toggl can fail, through the real client against the simulator. */
class TogglClientFaultsTest {
  private final SimulatedWorld world = new SimulatedWorld();
  private final TogglClient client = world.client();

  @AfterEach
  void stop() {
    world.close();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "QUOTA_402, quota_exhausted, 1",
    "FEATURE_402, feature_not_in_plan, 1",
    "UNAUTHORIZED_401, authentication, 1",
    "FORBIDDEN_403, authentication, 1",
    "NOT_FOUND_404, not_found, 1",
    "GONE_410, gone, 1",
    "MALFORMED_JSON, malformed_response, 1",
    "TRUNCATED_JSON, malformed_response, 1",
    "NULL_BODY, malformed_response, 1",
    "RATE_LIMITED_429, rate_limited, 4",
    "SERVER_ERROR_500, toggl_unavailable, 4",
    "BAD_GATEWAY_502, toggl_unavailable, 4",
    "DROP_CONNECTION, network, 4"
  })
  void eachFaultBecomesItsTypedErrorWithoutTheToken(Fault fault, String kind, int requests) {
    world.simulator.faults().next(10, fault);
    TogglException e = catchThrowableOfType(TogglException.class, client::me);
    assertThat(e).isNotNull();
    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.getMessage())
        .doesNotContain(SimulatorOptions.DEFAULT_TOKEN)
        .doesNotContain("Exception");
    assertThat(e.toString()).doesNotContain(SimulatorOptions.DEFAULT_TOKEN);
    if (fault != Fault.DROP_CONNECTION) {
      assertThat(world.simulator.requests().count()).isEqualTo(requests);
    }
  }

  @Test
  void aTogglThatDoesNotAnswerInTimeIsANetworkFailureNotAHang() {
    TogglClient impatient =
        TogglClient.connect(
            world.simulator.baseUrl(),
            dev.toggltrackmcp.config.Secret.of(world.simulator.token()),
            "test",
            Duration.ofMillis(200),
            world.clock,
            world.clock::sleep);
    world.simulator.faults().latency(Duration.ofMillis(600)); // real time: this is about timeouts
    TogglException e = catchThrowableOfType(TogglException.class, impatient::me);
    assertThat(e.kind()).isEqualTo("network");
    assertThat(e.getMessage()).contains("no answer within");
  }

  @Test
  void aFewServerErrorsAreRetriedAwayWithBackoffOnTheClock() {
    world.simulator.faults().next(2, Fault.BAD_GATEWAY_502);
    Instant before = world.clock.instant();
    assertThat(client.me().fullname()).isEqualTo("Ana Lima");
    assertThat(world.simulator.requests().count()).isEqualTo(3);
    assertThat(Duration.between(before, world.clock.instant()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void aQuota402IsRememberedAndRefusedLocallyUntilItResets() {
    world.simulator.faults().next(1, Fault.QUOTA_402);
    TogglException first = catchThrowableOfType(TogglException.class, client::me);
    assertThat(first.getMessage()).contains("812 s");
    TogglException second = catchThrowableOfType(TogglException.class, client::me);
    assertThat(second.kind()).isEqualTo("quota_exhausted");
    assertThat(world.simulator.requests().count()).isEqualTo(1);
    world.clock.advance(Duration.ofSeconds(813));
    assertThat(client.me().fullname()).isEqualTo("Ana Lima");
  }

  @Test
  void theRealHourlyQuotaOfTheUserBucketIsTrackedFromHeaders() {
    client.me();
    assertThat(client.http().quota().lastKnown(QuotaBucket.USER))
        .get()
        .satisfies(q -> assertThat(q.remaining()).isEqualTo(29));
  }

  @Test
  void aWrongTokenIsAnAuthenticationErrorThatNeverShowsTheToken() {
    String wrong = "wrong-token-abcdef0123456789";
    TogglException e = catchThrowableOfType(TogglException.class, () -> world.client(wrong).me());
    assertThat(e.kind()).isEqualTo("authentication");
    assertThat(e.getMessage()).contains("TOGGL_API_TOKEN").doesNotContain(wrong);
  }

  @Test
  void readsEveryPageOfProjectsAndTheNullCurrentEntry() {
    assertThat(client.projects(7_654_321L)).hasSize(230);
    world.data().stopRunning(world.clock.instant());
    assertThat(client.currentTimeEntry()).isEmpty();
  }

  @Test
  void reportsSearchFollowsRowNumbersToTheEnd() {
    TogglReports reports = new TogglReports(client.http());
    var entries =
        reports.timeEntries(
            7_654_321L,
            9_123_456L,
            java.time.LocalDate.of(2026, 1, 1),
            java.time.LocalDate.of(2026, 3, 31),
            java.time.ZoneId.of("Europe/Berlin"));
    long want =
        world.data().liveEntries().stream()
            .filter(e -> e.workspaceId() == 7_654_321L && !e.running())
            .filter(
                e -> {
                  var d =
                      java.time.LocalDate.ofInstant(
                          e.start(), java.time.ZoneId.of("Europe/Berlin"));
                  return !d.isBefore(java.time.LocalDate.of(2026, 1, 1))
                      && !d.isAfter(java.time.LocalDate.of(2026, 3, 31));
                })
            .count();
    assertThat(entries).hasSize((int) want);
    assertThat(world.simulator.requests().count()).isGreaterThan(1);
  }
}
