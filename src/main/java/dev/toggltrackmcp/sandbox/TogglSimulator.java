package dev.toggltrackmcp.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A simulated Toggl Track on 127.0.0.1: the v9 reads and Reports v3 of {@code toggl-api.md}, with
 * its authentication, hourly quotas (user and organization buckets), burst limit and error shapes,
 * over a seeded {@link Dataset}. Tests and {@code demo} use it; nothing here talks to the internet.
 * An admin API under {@code /_simulator/} lets a test in another process read the request counts,
 * arm faults, move the clock and change the data.
 */
public final class TogglSimulator implements AutoCloseable {
  private static final double BURST_CAPACITY = 4;

  private final Dataset data;
  private final Clock clock;
  private final SimulatorOptions options;
  private final HttpServer server;
  private final ExecutorService executor;
  private final RequestLog requests = new RequestLog();
  private final Faults faults = new Faults();
  private final SimulatedTrackApi track;
  private final SimulatedReports reports;
  private final SimulatorAdmin admin;
  private final QuotaWindow userQuota;
  private final QuotaWindow orgQuota;
  private double burstLevel;
  private Instant burstCheckedAt;

  private TogglSimulator(Dataset data, Clock clock, SimulatorOptions options, int port)
      throws IOException {
    this.data = data;
    this.clock = clock;
    this.options = options;
    this.track = new SimulatedTrackApi(data, clock, options.token());
    this.reports = new SimulatedReports(data);
    this.admin = new SimulatorAdmin(this);
    this.userQuota = new QuotaWindow(options.userQuotaPerHour());
    this.orgQuota = new QuotaWindow(options.orgQuotaPerHour());
    this.burstCheckedAt = clock.instant();
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    this.executor =
        Executors.newFixedThreadPool(
            8,
            r -> {
              Thread t = new Thread(r, "toggl-simulator");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts serving {@code data} on a free loopback port. */
  public static TogglSimulator start(Dataset data, Clock clock, SimulatorOptions options) {
    return start(data, clock, options, 0);
  }

  public static TogglSimulator start(
      Dataset data, Clock clock, SimulatorOptions options, int port) {
    try {
      return new TogglSimulator(data, clock, options, port);
    } catch (IOException e) {
      throw new IllegalStateException("the simulator could not listen on 127.0.0.1:" + port, e);
    }
  }

  /**
   * The root to use as {@code TOGGL_API_BASE_URL}: v9 is under /api/v9, Reports /reports/api/v3.
   */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public String token() {
    return options.token();
  }

  public Dataset data() {
    return data;
  }

  public Clock clock() {
    return clock;
  }

  public RequestLog requests() {
    return requests;
  }

  public Faults faults() {
    return faults;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (path.startsWith("/_simulator/")) {
        send(exchange, admin.handle(exchange.getRequestMethod(), path, query(exchange), body));
        return;
      }
      Optional<Answer> answer = answer(exchange, path, body);
      if (answer.isEmpty()) {
        exchange.close(); // a dropped connection: no status line at all
        return;
      }
      requests.add(
          new RequestLog.Request(
              exchange.getRequestMethod(),
              path,
              RequestLog.template(path),
              Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""),
              answer.get().status()));
      send(exchange, answer.get());
    }
  }

  private Optional<Answer> answer(HttpExchange exchange, String path, String body) {
    Duration latency = faults.latency();
    if (!latency.isZero()) {
      try {
        Thread.sleep(latency.toMillis()); // the only real time in the simulator: timeout tests
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (auth == null) {
      return Optional.of(new Answer(401, "", Map.of("X-Authorization-Missing", "true")));
    }
    if (!auth.equals(expectedAuthorization())) {
      return Optional.of(Answer.error(403, "Incorrect username and/or password"));
    }
    QuotaWindow quota = path.startsWith("/api/v9/me") ? userQuota : orgQuota;
    Optional<Fault> fault = faults.take(path);
    if (fault.isPresent()) {
      quota.count(clock.instant());
      return FaultAnswers.of(fault.get(), quota.headers(clock.instant()));
    }
    if (options.burstLimit() && !burstAllows()) {
      return Optional.of(new Answer(429, "", Map.of("Retry-After", "1")));
    }
    Instant now = clock.instant();
    if (!quota.count(now)) {
      return Optional.of(
          withHeaders(
              Answer.error(
                  402,
                  "You have hit your hourly limit for API calls. The quota will reset in "
                      + quota.resetsIn(now)
                      + " seconds."),
              quota.headers(now)));
    }
    Answer answer;
    if (path.startsWith("/reports/api/v3/") && exchange.getRequestMethod().equals("POST")) {
      answer = reports.post(path, body);
    } else if (path.startsWith("/api/v9/") && exchange.getRequestMethod().equals("GET")) {
      answer =
          path.equals("/api/v9/me/quota")
              ? new Answer(200, quotaReport(now), Map.of())
              : track.get(path, query(exchange));
    } else {
      answer = Answer.error(405, "Method not allowed");
    }
    return Optional.of(withHeaders(answer, quota.headers(now)));
  }

  private synchronized boolean burstAllows() {
    Instant now = clock.instant();
    double drained = Duration.between(burstCheckedAt, now).toMillis() / 1000.0;
    burstLevel = Math.max(0, burstLevel - Math.max(0, drained));
    burstCheckedAt = now;
    if (burstLevel + 1 > BURST_CAPACITY) {
      return false;
    }
    burstLevel += 1;
    return true;
  }

  private String quotaReport(Instant now) {
    var array = SimulatorJson.MAPPER.createArrayNode();
    var user = array.addObject();
    user.putNull("organization_id");
    userQuota.describe(user, now);
    for (World.Organization org : data.organizations()) {
      var o = array.addObject();
      o.put("organization_id", org.id());
      orgQuota.describe(o, now);
    }
    return array.toString();
  }

  private String expectedAuthorization() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((options.token() + ":api_token").getBytes(StandardCharsets.UTF_8));
  }

  private static Answer withHeaders(Answer answer, Map<String, String> extra) {
    Map<String, String> headers = new LinkedHashMap<>(answer.headers());
    headers.putAll(extra);
    return new Answer(answer.status(), answer.body(), headers);
  }

  private static void send(HttpExchange exchange, Answer answer) throws IOException {
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.getResponseHeaders().set("X-Toggl-Request-Id", Long.toHexString(System.nanoTime()));
    answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> query = new LinkedHashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw == null) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      query.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return query;
  }
}
