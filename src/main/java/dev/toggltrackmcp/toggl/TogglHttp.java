package dev.toggltrackmcp.toggl;

import dev.toggltrackmcp.config.Secret;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wire: sends one request to Toggl with the token, paced under the burst limit, with a total
 * deadline per exchange (body included), every quota header noted, and every failure turned into a
 * {@link TogglException}. Reads and idempotent changes are retried after 429, 5xx and network
 * failures; a create is retried only when Toggl certainly did not get it (429, connection refused),
 * otherwise it fails as {@link TogglException.Unconfirmed}. A repeated change that Toggl refuses
 * after an earlier attempt's answer was lost fails as {@link TogglException.RefusedOnRepeat}, since
 * the earlier attempt may have done it. Knows nothing about endpoints.
 */
public final class TogglHttp {
  private static final Logger LOG = LoggerFactory.getLogger(TogglHttp.class);
  private static final int MAX_MESSAGE = 300;
  private static final Duration LONGEST_CONNECT = Duration.ofSeconds(5);

  /** A successful answer. */
  public record Response(int status, HttpHeaders headers, String body) {}

  private enum Method {
    GET(true),
    POST(false),
    PUT(true),
    PATCH(true),
    DELETE(true);

    final boolean idempotent;

    Method(boolean idempotent) {
      this.idempotent = idempotent;
    }
  }

  private final Wire wire;
  private final Purpose purpose;

  public TogglHttp(
      URI root,
      Secret token,
      String userAgent,
      Duration deadline,
      RequestPacer pacer,
      RetryPolicy retry,
      QuotaWatch quota,
      Sleeper sleeper,
      Clock clock) {
    this(
        new Wire(root, token, userAgent, deadline, pacer, retry, quota, sleeper, clock),
        Purpose.SYNC);
  }

  private TogglHttp(Wire wire, Purpose purpose) {
    this.wire = wire;
    this.purpose = purpose;
  }

  /** The same wire, with its requests counted (and queued) as {@code purpose}. */
  public TogglHttp forPurpose(Purpose purpose) {
    return purpose == this.purpose ? this : new TogglHttp(wire, purpose);
  }

  public Response get(String pathAndQuery) {
    return send(Method.GET, pathAndQuery, null, true);
  }

  /** A POST that only reads (Reports searches), so it is as safe to retry as a GET. */
  public Response postRead(String path, String json) {
    return send(Method.POST, path, json, true);
  }

  /** A POST that creates something: never sent twice unless Toggl certainly did not get it. */
  public Response post(String path, String json) {
    return send(Method.POST, path, json, false);
  }

  public Response put(String path, String json) {
    return send(Method.PUT, path, json, true);
  }

  public Response patch(String path, @Nullable String json) {
    return send(Method.PATCH, path, json, true);
  }

  public Response delete(String path) {
    return send(Method.DELETE, path, null, true);
  }

  /** Requests sent to Toggl so far, retries included. */
  public long requestsMade() {
    return wire.ledger.total();
  }

  public RequestLedger ledger() {
    return wire.ledger;
  }

  public QuotaWatch quota() {
    return wire.quota;
  }

  private Response send(Method method, String pathAndQuery, @Nullable String json, boolean safe) {
    String path = pathOnly(pathAndQuery);
    QuotaBucket bucket = QuotaBucket.of(path);
    boolean writes = method != Method.GET && !(method == Method.POST && safe);
    Purpose queue = writes ? Purpose.WRITE : purpose;
    String lost = null; // why an earlier attempt of a change may have been handled unanswered
    for (int attempt = 1; ; attempt++) {
      Optional<Duration> refusal = wire.quota.refusal(path);
      if (refusal.isPresent()) {
        throw new TogglException.QuotaExhausted(refusal.get());
      }
      Optional<Duration> retryAfter;
      int status;
      try {
        HttpResponse<String> response = wire.exchange(method, pathAndQuery, json, queue, bucket);
        status = response.statusCode();
        wire.quota.observe(path, response.headers());
        if (status >= 200 && status < 300) {
          return new Response(status, response.headers(), response.body());
        }
        if (!RetryPolicy.isRetryableStatus(status)) {
          if (lost != null && writes && status != 402) {
            throw new TogglException.RefusedOnRepeat(status, togglMessage(response.body()), lost);
          }
          throw failure(status, path, response);
        }
        if (status != 429 && !safe) {
          throw new TogglException.Unconfirmed("HTTP " + status);
        }
        if (status != 429) {
          lost = "HTTP " + status;
        }
        retryAfter = retryAfter(response.headers());
      } catch (IOException e) {
        String reason = wire.networkReason(e);
        LOG.debug("{} {} failed: {}", method, path, reason);
        if (!safe && !neverSent(e)) {
          throw new TogglException.Unconfirmed(reason);
        }
        if (!neverSent(e)) {
          lost = reason;
        }
        Optional<Duration> wait = wire.retry.delayBeforeRetry(attempt, Optional.empty());
        if (wait.isEmpty()) {
          throw new TogglException.NetworkFailure(reason);
        }
        pause(wait.get());
        continue;
      }
      Optional<Duration> wait = wire.retry.delayBeforeRetry(attempt, retryAfter);
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

  /** Failures that happen before a request leaves, so even a create may be sent again. */
  private static boolean neverSent(IOException e) {
    return e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
  }

  private TogglException failure(int status, String path, HttpResponse<String> response) {
    String message = togglMessage(response.body());
    return switch (status) {
      case 400 -> new TogglException.BadRequest(message);
      case 401, 403 -> new TogglException.AuthenticationFailed(status);
      case 402 ->
          QuotaWatch.isQuota402(response.headers(), message)
              ? new TogglException.QuotaExhausted(
                  wire.quota.exhausted(path, response.headers(), message))
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
        Duration wait = Duration.between(wire.clock.instant(), at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  private void pause(Duration wait) {
    try {
      wire.sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TogglException.NetworkFailure("the request was interrupted");
    }
  }

  static String pathOnly(String pathAndQuery) {
    int q = pathAndQuery.indexOf('?');
    return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
  }

  /** What every purpose shares: the connection, the pacer, the quota and the ledger. */
  private static final class Wire {
    /** Made on the first request: building it sets up TLS, which a start should not wait for. */
    private volatile @Nullable HttpClient http;

    private final URI root;
    private final String authorization;
    private final String userAgent;
    private final Duration deadline;
    private final RequestPacer pacer;
    private final RetryPolicy retry;
    private final QuotaWatch quota;
    private final Sleeper sleeper;
    private final Clock clock;
    private final RequestLedger ledger;

    Wire(
        URI root,
        Secret token,
        String userAgent,
        Duration deadline,
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
      this.deadline = deadline;
      this.pacer = pacer;
      this.retry = retry;
      this.quota = quota;
      this.sleeper = sleeper;
      this.clock = clock;
      this.ledger = new RequestLedger(clock);
    }

    private HttpClient http() {
      HttpClient client = http;
      if (client == null) {
        synchronized (this) {
          client = http;
          if (client == null) {
            client =
                HttpClient.newBuilder()
                    .connectTimeout(
                        deadline.compareTo(LONGEST_CONNECT) < 0 ? deadline : LONGEST_CONNECT)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            http = client;
          }
        }
      }
      return client;
    }

    /**
     * One exchange, whole answer within the deadline: the request's own timeout only covers the
     * wait for headers, so a Toggl that sends headers and then stalls is cut off here too.
     */
    HttpResponse<String> exchange(
        Method method,
        String pathAndQuery,
        @Nullable String json,
        Purpose purpose,
        QuotaBucket bucket)
        throws IOException {
      try {
        pacer.acquire(purpose);
        HttpRequest.Builder request =
            HttpRequest.newBuilder(URI.create(root + pathAndQuery))
                .timeout(deadline)
                .header("Authorization", authorization)
                .header("User-Agent", userAgent)
                .header("Accept", "application/json");
        HttpRequest.BodyPublisher body =
            json == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8);
        if (json != null) {
          request.header("Content-Type", "application/json");
        }
        request.method(method.name(), body);
        long started = System.nanoTime();
        ledger.record(purpose, bucket);
        CompletableFuture<HttpResponse<String>> answer =
            http()
                .sendAsync(
                    request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
          response = answer.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          answer.cancel(true);
          throw new HttpTimeoutException("request timed out");
        } catch (ExecutionException e) {
          if (e.getCause() instanceof IOException io) {
            throw io;
          }
          throw new IOException("the exchange failed", e.getCause());
        }
        if (LOG.isDebugEnabled()) {
          LOG.debug(
              "{} {} ({}) -> {} in {} ms (request id {}, quota remaining {})",
              method,
              pathOnly(pathAndQuery),
              purpose.label(),
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

    String networkReason(IOException e) {
      if (e instanceof HttpTimeoutException && !(e instanceof HttpConnectTimeoutException)) {
        return "no answer within "
            + (deadline.toMillis() < 1000
                ? deadline.toMillis() + " ms"
                : deadline.toSeconds() + " s");
      }
      if (e instanceof HttpConnectTimeoutException) {
        return "no connection to "
            + root.getHost()
            + " within "
            + LONGEST_CONNECT.toSeconds()
            + " s";
      }
      if (e instanceof ConnectException) {
        return "connection refused by " + root.getHost();
      }
      return "the connection to " + root.getHost() + " failed";
    }
  }
}
