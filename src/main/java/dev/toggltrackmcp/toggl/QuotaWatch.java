package dev.toggltrackmcp.toggl;

import dev.toggltrackmcp.toggl.model.Quota;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Remembers what Toggl last said about each quota bucket — the user's, and each organization's
 * (Toggl counts workspace and Reports requests per user and per organization) — so the client can
 * refuse locally, with the reset time, instead of spending a request on a certain 402, and a tool
 * can say what is left without asking.
 */
public final class QuotaWatch {
  static final String REMAINING = "X-Toggl-Quota-Remaining";
  static final String RESETS_IN = "X-Toggl-Quota-Resets-In";
  private static final Pattern RESET_IN_TEXT = Pattern.compile("(?i)reset in (\\d+) second");
  private static final Pattern QUOTA_TEXT = Pattern.compile("(?i)hourly limit|quota");
  private static final Pattern WORKSPACE_PATH =
      Pattern.compile("^/(?:api/v9/workspaces|reports/api/v3/workspace)/(\\d{1,18})(?:/|$)");
  private static final Pattern ORGANIZATION_PATH =
      Pattern.compile("^/api/v9/organizations/(\\d{1,18})(?:/|$)");
  private static final Duration WINDOW = Duration.ofHours(1);

  /** One bucket: the user's ({@code organizationId} null), or one organization's. */
  private record Key(QuotaBucket bucket, @Nullable Long organizationId) {
    static final Key USER = new Key(QuotaBucket.USER, null);
  }

  private final Clock clock;
  private final Map<Key, QuotaStatus> lastKnown = new LinkedHashMap<>();
  private final Map<Long, Long> organizationOfWorkspace = new HashMap<>();
  private boolean reported;

  public QuotaWatch(Clock clock) {
    this.clock = clock;
  }

  /** Which organization each workspace belongs to, so a workspace path finds its bucket. */
  public synchronized void knowOrganizations(Map<Long, Long> workspaceToOrganization) {
    organizationOfWorkspace.putAll(workspaceToOrganization);
  }

  /** The organization of a workspace, when the account said. */
  public synchronized Optional<Long> organizationOf(long workspaceId) {
    return Optional.ofNullable(organizationOfWorkspace.get(workspaceId));
  }

  /** Notes the quota headers of a response to {@code path}, if it carried them. */
  public synchronized void observe(String path, HttpHeaders headers) {
    OptionalLong remaining = longHeader(headers, REMAINING);
    if (remaining.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    long resetsIn = longHeader(headers, RESETS_IN).orElse(WINDOW.toSeconds());
    put(
        key(path),
        remaining.getAsLong(),
        null,
        now.plusSeconds(resetsIn),
        QuotaStatus.Source.RESPONSE_HEADERS);
  }

  /** Notes what {@code GET /me/quota} said: every bucket, with its size. */
  public synchronized void reported(List<Quota> buckets) {
    reported = true;
    Instant now = clock.instant();
    for (Quota q : buckets) {
      Key key =
          q.organizationId() == null
              ? Key.USER
              : new Key(QuotaBucket.ORGANIZATION, q.organizationId());
      put(
          key,
          q.remaining(),
          q.total(),
          now.plusSeconds(Math.max(0, q.resetsInSecs())),
          QuotaStatus.Source.QUOTA_REPORT);
    }
  }

  /** True once {@code GET /me/quota} has said which organizations the user has. */
  public synchronized boolean everReported() {
    return reported;
  }

  /** Marks the bucket of {@code path} as spent after a quota 402; returns how long until reset. */
  public synchronized Duration exhausted(String path, HttpHeaders headers, String body) {
    Instant now = clock.instant();
    long seconds =
        longHeader(headers, RESETS_IN)
            .orElseGet(
                () -> {
                  Matcher m = RESET_IN_TEXT.matcher(body);
                  return m.find() ? Long.parseLong(m.group(1)) : WINDOW.toSeconds();
                });
    put(key(path), 0, null, now.plusSeconds(seconds), QuotaStatus.Source.QUOTA_402);
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

  /** The time left until the bucket of {@code path} resets when it is known to be spent now. */
  public synchronized Optional<Duration> refusal(String path) {
    QuotaStatus status = lastKnown.get(key(path));
    Instant now = clock.instant();
    if (status == null || !status.exhaustedAt(now)) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, status.resetsAt()));
  }

  /** The user bucket; for {@code ORGANIZATION}, the organization bucket with the fewest left. */
  public synchronized Optional<QuotaStatus> lastKnown(QuotaBucket bucket) {
    if (bucket == QuotaBucket.USER) {
      return Optional.ofNullable(lastKnown.get(Key.USER));
    }
    return lastKnown.values().stream()
        .filter(s -> s.bucket() == QuotaBucket.ORGANIZATION)
        .min(Comparator.comparingLong(QuotaStatus::remaining));
  }

  /** The bucket requests about {@code workspaceId} count against, when known. */
  public synchronized Optional<QuotaStatus> forWorkspace(long workspaceId) {
    Long organization = organizationOfWorkspace.get(workspaceId);
    return Optional.ofNullable(lastKnown.get(new Key(QuotaBucket.ORGANIZATION, organization)));
  }

  public synchronized Optional<QuotaStatus> organization(long organizationId) {
    return Optional.ofNullable(lastKnown.get(new Key(QuotaBucket.ORGANIZATION, organizationId)));
  }

  /** Every bucket Toggl has told us about, the user's first. */
  public synchronized List<QuotaStatus> known() {
    return lastKnown.values().stream()
        .sorted(
            Comparator.comparing((QuotaStatus s) -> s.bucket())
                .thenComparing(
                    s -> s.organizationId() == null ? Long.MAX_VALUE : s.organizationId()))
        .toList();
  }

  /** The bucket with the fewest requests left, if any is known. */
  public synchronized Optional<QuotaStatus> tightest() {
    Instant now = clock.instant();
    return lastKnown.values().stream()
        .filter(s -> now.isBefore(s.resetsAt()))
        .min(Comparator.comparingLong(QuotaStatus::remaining));
  }

  private Key key(String path) {
    if (QuotaBucket.of(path) == QuotaBucket.USER) {
      return Key.USER;
    }
    Matcher org = ORGANIZATION_PATH.matcher(path);
    if (org.find()) {
      return new Key(QuotaBucket.ORGANIZATION, Long.parseLong(org.group(1)));
    }
    Matcher ws = WORKSPACE_PATH.matcher(path);
    Long organization = ws.find() ? organizationOfWorkspace.get(Long.parseLong(ws.group(1))) : null;
    return new Key(QuotaBucket.ORGANIZATION, organization);
  }

  /** Keeps a bucket's size once known: headers tell what is left, not of how much. */
  private void put(
      Key key, long remaining, @Nullable Long total, Instant resetsAt, QuotaStatus.Source source) {
    QuotaStatus before = lastKnown.get(key);
    Long size = total != null ? total : before == null ? null : before.total();
    lastKnown.put(
        key,
        new QuotaStatus(
            key.bucket(),
            key.organizationId(),
            remaining,
            size,
            resetsAt,
            clock.instant(),
            source));
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
