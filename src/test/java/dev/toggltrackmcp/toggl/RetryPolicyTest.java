package dev.toggltrackmcp.toggl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {
  private final RetryPolicy policy = RetryPolicy.togglDefault(new Random(7));

  @ParameterizedTest
  @CsvSource({
    "429,true",
    "500,true",
    "502,true",
    "503,true",
    "400,false",
    "401,false",
    "402,false",
    "403,false",
    "404,false",
    "409,false",
    "410,false"
  })
  void onlyRateLimitsAndServerErrorsAreRetried(int status, boolean retried) {
    assertThat(RetryPolicy.isRetryableStatus(status)).isEqualTo(retried);
  }

  @Test
  void backsOffExponentiallyWithBoundedJitterThenGivesUp() {
    for (int retry = 1; retry <= 3; retry++) {
      long base = 1000L << (retry - 1);
      assertThat(policy.delayBeforeRetry(retry, Optional.empty()))
          .get()
          .satisfies(d -> assertThat(d.toMillis()).isBetween(base, base + base / 2));
    }
    assertThat(policy.delayBeforeRetry(4, Optional.empty())).isEmpty();
  }

  @Test
  void retryAfterIsHonouredUnlessUnreasonablyLong() {
    assertThat(policy.delayBeforeRetry(1, Optional.of(Duration.ofSeconds(7))))
        .contains(Duration.ofSeconds(7));
    assertThat(policy.delayBeforeRetry(1, Optional.of(Duration.ofMinutes(5)))).isEmpty();
  }
}
