package dev.toggltrackmcp.toggl;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Remembers what Toggl last said about each quota bucket, so the client can refuse locally — with
 * the reset time — instead of spending a request on a certain 402.
 */
public final class QuotaWatch {
  static final String REMAINING = "X-Toggl-Quota-Remaining";
  static final String RESETS_IN = "X-Toggl-Quota-Resets-In";
  private static final Pattern RESET_IN_TEXT = Pattern.compile("(?i)reset in (\\d+) second");
  private static final Pattern QUOTA_TEXT = Pattern.compile("(?i)hourly limit|quota");
  private static final Duration WINDOW = Duration.ofHours(1);

  private final Clock clock;
  private final Map<QuotaBucket, QuotaStatus> lastKnown = new EnumMap<>(QuotaBucket.class);

  public QuotaWatch(Clock clock) {
    this.clock = clock;
  }

  /** Notes the quota headers of a response, if it carried them. */
  public synchronized void observe(QuotaBucket bucket, HttpHeaders headers) {
    OptionalLong remaining = longHeader(headers, REMAINING);
    if (remaining.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    long resetsIn = longHeader(headers, RESETS_IN).orElse(WINDOW.toSeconds());
    lastKnown.put(
        bucket, new QuotaStatus(bucket, remaining.getAsLong(), now.plusSeconds(resetsIn), now));
  }

  /** Marks a bucket as spent after a quota 402, and returns how long until it resets. */
  public synchronized Duration exhausted(QuotaBucket bucket, HttpHeaders headers, String body) {
    Instant now = clock.instant();
    long seconds =
        longHeader(headers, RESETS_IN)
            .orElseGet(
                () -> {
                  Matcher m = RESET_IN_TEXT.matcher(body);
                  return m.find() ? Long.parseLong(m.group(1)) : WINDOW.toSeconds();
                });
    lastKnown.put(bucket, new QuotaStatus(bucket, 0, now.plusSeconds(seconds), now));
    return Duration.ofSeconds(seconds);
  }

  /** True when a 402 means the hourly quota rather than a missing plan feature. */
  public static boolean isQuota402(HttpHeaders headers, String body) {
    if (QUOTA_TEXT.matcher(body).find()) {
      return true;
    }
    OptionalLong remaining = longHeader(headers, REMAINING);
    return remaining.isPresent() && remaining.getAsLong() <= 0;
  }

  /** The time left until the bucket resets when it is known to be spent right now. */
  public synchronized Optional<Duration> refusal(QuotaBucket bucket) {
    QuotaStatus status = lastKnown.get(bucket);
    Instant now = clock.instant();
    if (status == null || !status.exhaustedAt(now)) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, status.resetsAt()));
  }

  public synchronized Optional<QuotaStatus> lastKnown(QuotaBucket bucket) {
    return Optional.ofNullable(lastKnown.get(bucket));
  }

  /** The bucket with the fewest requests left, if any is known. */
  public synchronized Optional<QuotaStatus> tightest() {
    Instant now = clock.instant();
    return lastKnown.values().stream()
        .filter(s -> now.isBefore(s.resetsAt()))
        .min((a, b) -> Long.compare(a.remaining(), b.remaining()));
  }

  private static OptionalLong longHeader(HttpHeaders headers, String name) {
    Optional<String> value = headers.firstValue(name);
    if (value.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(value.get().trim()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
