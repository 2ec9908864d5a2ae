package dev.toggltrackmcp.toggl;

import dev.toggltrackmcp.config.Secret;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wire: sends one read request to Toggl with the token, paced under the burst limit, retried
 * only where retrying is safe, with every quota header noted, and turns every failure into a {@link
 * TogglException}. Knows nothing about endpoints.
 */
public final class TogglHttp {
  private static final Logger LOG = LoggerFactory.getLogger(TogglHttp.class);
  private static final int MAX_MESSAGE = 300;

  /** A successful answer. */
  public record Response(int status, HttpHeaders headers, String body) {}

  /** Made on the first request: building it sets up TLS, which a start should not wait for. */
  private volatile HttpClient http;

  private final URI root;
  private final String authorization;
  private final String userAgent;
  private final Duration timeout;
  private final RequestPacer pacer;
  private final RetryPolicy retry;
  private final QuotaWatch quota;
  private final Sleeper sleeper;
  private final Clock clock;
  private final AtomicLong requests = new AtomicLong();

  public TogglHttp(
      URI root,
      Secret token,
      String userAgent,
      Duration timeout,
      RequestPacer pacer,
      RetryPolicy retry,
      QuotaWatch quota,
      Sleeper sleeper,
      Clock clock) {
    this.root = root;
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((token.reveal() + ":api_token").getBytes(StandardCharsets.UTF_8));
    this.userAgent = userAgent;
    this.timeout = timeout;
    this.pacer = pacer;
    this.retry = retry;
    this.quota = quota;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  private HttpClient http() {
    HttpClient client = http;
    if (client == null) {
      synchronized (this) {
        if (http == null) {
          http =
              HttpClient.newBuilder()
                  .connectTimeout(
                      timeout.compareTo(Duration.ofSeconds(10)) < 0
                          ? timeout
                          : Duration.ofSeconds(10))
                  .followRedirects(HttpClient.Redirect.NEVER)
                  .build();
        }
        client = http;
      }
    }
    return client;
  }

  public Response get(String pathAndQuery) {
    return send("GET", pathAndQuery, null);
  }

  /** A POST that only reads (Reports searches), so it is as safe to retry as a GET. */
  public Response postRead(String path, String json) {
    return send("POST", path, json);
  }

  /** Requests sent to Toggl so far, retries included. */
  public long requestsMade() {
    return requests.get();
  }

  public QuotaWatch quota() {
    return quota;
  }

  private Response send(String method, String pathAndQuery, String json) {
    String path = pathOnly(pathAndQuery);
    QuotaBucket bucket = QuotaBucket.of(path);
    for (int attempt = 1; ; attempt++) {
      Optional<Duration> refusal = quota.refusal(bucket);
      if (refusal.isPresent()) {
        throw new TogglException.QuotaExhausted(refusal.get());
      }
      Optional<Duration> retryAfter;
      int status;
      try {
        HttpResponse<String> response = exchange(method, pathAndQuery, json);
        status = response.statusCode();
        quota.observe(bucket, response.headers());
        if (status >= 200 && status < 300) {
          return new Response(status, response.headers(), response.body());
        }
        if (!RetryPolicy.isRetryableStatus(status)) {
          throw failure(status, path, bucket, response);
        }
        retryAfter = retryAfter(response.headers());
      } catch (IOException e) {
        status = -1;
        retryAfter = Optional.empty();
        LOG.debug("{} {} failed: {}", method, path, networkReason(e));
        Optional<Duration> wait = retry.delayBeforeRetry(attempt, retryAfter);
        if (wait.isEmpty()) {
          throw new TogglException.NetworkFailure(networkReason(e));
        }
        pause(wait.get());
        continue;
      }
      Optional<Duration> wait = retry.delayBeforeRetry(attempt, retryAfter);
      if (wait.isEmpty()) {
        throw status == 429
            ? new TogglException.RateLimited()
            : new TogglException.Unavailable(status);
      }
      LOG.debug(
          "{} {} answered {}; retrying in {} ms", method, path, status, wait.get().toMillis());
      pause(wait.get());
    }
  }

  private HttpResponse<String> exchange(String method, String pathAndQuery, String json)
      throws IOException {
    try {
      pacer.acquire();
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(root + pathAndQuery))
              .timeout(timeout)
              .header("Authorization", authorization)
              .header("User-Agent", userAgent)
              .header("Accept", "application/json");
      if (json == null) {
        request.GET();
      } else {
        request
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
      }
      long started = System.nanoTime();
      requests.incrementAndGet();
      HttpResponse<String> response =
          http().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (LOG.isDebugEnabled()) {
        LOG.debug(
            "{} {} -> {} in {} ms (request id {}, quota remaining {})",
            method,
            pathOnly(pathAndQuery),
            response.statusCode(),
            (System.nanoTime() - started) / 1_000_000,
            response.headers().firstValue("X-Toggl-Request-Id").orElse("-"),
            response.headers().firstValue(QuotaWatch.REMAINING).orElse("-"));
      }
      return response;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TogglException.NetworkFailure("the request was interrupted");
    }
  }

  private TogglException failure(
      int status, String path, QuotaBucket bucket, HttpResponse<String> response) {
    String message = togglMessage(response.body());
    return switch (status) {
      case 400 -> new TogglException.BadRequest(message);
      case 401, 403 -> new TogglException.AuthenticationFailed(status);
      case 402 ->
          QuotaWatch.isQuota402(response.headers(), message)
              ? new TogglException.QuotaExhausted(
                  quota.exhausted(bucket, response.headers(), message))
              : new TogglException.FeatureNotInPlan(message);
      case 404 -> new TogglException.NotFound("The requested item");
      case 409 -> new TogglException.Conflict(message);
      case 410 -> new TogglException.Gone(path);
      default -> new TogglException.BadRequest("unexpected HTTP status " + status);
    };
  }

  /** Toggl's error bodies are usually a JSON string, sometimes plain text. */
  static String togglMessage(String body) {
    String text = body == null ? "" : body.trim();
    if (text.startsWith("\"")) {
      try {
        text = TogglJson.mapper().readValue(text, String.class);
      } catch (IOException e) {
        text = text.replace("\"", "");
      }
    }
    text = text.replaceAll("\\p{Cntrl}", " ").trim();
    if (text.isEmpty()) {
      return "no details given";
    }
    return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "…" : text;
  }

  private Optional<Duration> retryAfter(HttpHeaders headers) {
    Optional<String> value = headers.firstValue("Retry-After");
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String text = value.get().trim();
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(text))));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(clock.instant(), at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  private void pause(Duration wait) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TogglException.NetworkFailure("the request was interrupted");
    }
  }

  private String networkReason(IOException e) {
    if (e instanceof HttpTimeoutException) {
      return "no answer within "
          + (timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s");
    }
    if (e instanceof ConnectException) {
      return "connection refused by " + root.getHost();
    }
    return "the connection to " + root.getHost() + " failed";
  }

  static String pathOnly(String pathAndQuery) {
    int q = pathAndQuery.indexOf('?');
    return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
  }
}
