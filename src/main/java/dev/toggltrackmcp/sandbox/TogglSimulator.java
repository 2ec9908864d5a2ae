package dev.toggltrackmcp.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.toggltrackmcp.sandbox.World.Member;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simulated Toggl Track on 127.0.0.1: the v9 reads and writes and Reports v3 of {@code
 * toggl-api.md}, with its authentication (one token per member of the {@link Dataset}), hourly
 * quotas per user (the user bucket, and one bucket per organization), burst limit per token and
 * error shapes. Tests and {@code demo} use it; nothing here talks to the internet. An admin API
 * under {@code /_simulator/} lets a test in another process read the request counts, arm faults,
 * move the clock and change the data.
 *
 * <p>Requests run on a pool that grows as needed (up to {@value #MOST_THREADS} at once), so a
 * stalled request never keeps others waiting; {@link #close()} ends every stall first.
 */
public final class TogglSimulator implements AutoCloseable {
  private static final int MOST_THREADS = 256;
  private static final Pattern WORKSPACE_PATH =
      Pattern.compile("^/(?:api/v9/workspaces|reports/api/v3/workspace)/(\\d{1,18})(?:/|$)");
  private static final Pattern ORGANIZATION_PATH =
      Pattern.compile("^/api/v9/organizations/(\\d{1,18})(?:/|$)");

  private final Dataset data;
  private final Clock clock;
  private final SimulatorOptions options;
  private final HttpServer server;
  private final ThreadPoolExecutor executor;
  private final RequestLog requests = new RequestLog();
  private final Faults faults;
  private final SimulatedTrackApi track;
  private final SimulatedWrites writes;
  private final SimulatedReports reports;
  private final SimulatorAdmin admin;
  private final Map<String, Member> callers = new LinkedHashMap<>();
  private final Map<Long, QuotaWindow> userQuotas = new ConcurrentHashMap<>();

  /** Per user and organization, as Toggl counts workspace and Reports requests. */
  private final Map<OrgBucket, QuotaWindow> orgQuotas = new ConcurrentHashMap<>();

  private final Map<Long, BurstBucket> bursts = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();

  private TogglSimulator(Dataset data, Clock clock, SimulatorOptions options, int port)
      throws IOException {
    this.data = data;
    this.clock = clock;
    this.options = options;
    this.faults = new Faults(options.stallCap());
    this.track = new SimulatedTrackApi(data, clock);
    this.writes = new SimulatedWrites(data, clock);
    this.reports = new SimulatedReports(data, options);
    this.admin = new SimulatorAdmin(this);
    for (Member m : data.members()) {
      String token = m.id() == data.user().id() ? options.token() : m.token();
      callers.put(authorization(token), m);
    }
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    this.executor =
        new ThreadPoolExecutor(
            8,
            MOST_THREADS,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
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

  /** Ana's token. */
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

  /** Ends every stalled request, then stops serving; closing twice is harmless. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    faults.stalls().close();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getRawPath();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (path.startsWith("/_simulator/")) {
        send(exchange, admin.handle(method, path, query(exchange), body));
        return;
      }
      Member caller = callers.get(exchange.getRequestHeaders().getFirst("Authorization"));
      Handled handled = answer(exchange, caller, method, path, body);
      Reply reply = handled.reply();
      requests.add(
          new RequestLog.Request(
              method,
              path,
              RequestLog.template(path),
              Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""),
              reply.status(),
              caller == null ? 0 : caller.id(),
              handled.fault(),
              handled.stored()));
      deliver(exchange, reply);
    }
  }

  /** What the request got, which fault (if any) decided it, and whether the data changed. */
  private record Handled(Reply reply, Fault fault, boolean stored) {}

  private Handled answer(
      HttpExchange exchange, Member caller, String method, String path, String body) {
    Duration latency = faults.latency();
    if (!latency.isZero()) {
      faults.stalls().pause(latency); // real time, bounded: for timeout tests
    }
    if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
      return plain(new Answer(401, "", Map.of("X-Authorization-Missing", "true")));
    }
    if (caller == null) {
      return plain(Answer.error(403, "Incorrect username and/or password"));
    }
    QuotaWindow quota =
        path.startsWith("/api/v9/me")
            ? userQuota(caller.id())
            : orgQuota(caller.id(), organizationOf(path));
    Optional<Fault> before = faults.take(method, path, false);
    if (before.isPresent()) {
      quota.count(clock.instant());
      return new Handled(
          FaultAnswers.before(before.get(), quota.headers(clock.instant())), before.get(), false);
    }
    if (options.burstLimit()
        && !bursts.computeIfAbsent(caller.id(), k -> new BurstBucket(clock)).allows()) {
      return plain(new Answer(429, "", Map.of("Retry-After", "1")));
    }
    Instant now = clock.instant();
    if (!quota.count(now)) {
      return plain(
          Answer.error(
                  402,
                  "You have hit your hourly limit for API calls. The quota will reset in "
                      + quota.resetsIn(now)
                      + " seconds.")
              .withHeaders(quota.headers(now)));
    }
    Answer answer = route(caller, method, path, body, query(exchange), now);
    Optional<Fault> after = faults.take(method, path, true);
    Map<String, String> headers = quota.headers(now);
    if (after.isPresent()) {
      return new Handled(
          FaultAnswers.after(after.get(), answer.withHeaders(headers), headers),
          after.get(),
          answer.stored());
    }
    return new Handled(Reply.send(answer.withHeaders(headers)), null, answer.stored());
  }

  private Answer route(
      Member caller,
      String method,
      String path,
      String body,
      Map<String, String> query,
      Instant now) {
    if (path.startsWith("/reports/api/v3/")) {
      return method.equals("POST")
          ? reports.post(caller, path, body)
          : Answer.error(405, "Method not allowed");
    }
    if (!path.startsWith("/api/v9/")) {
      return Answer.error(404, "Not found");
    }
    if (method.equals("GET")) {
      return path.equals("/api/v9/me/quota")
          ? new Answer(200, quotaReport(caller, now), Map.of())
          : track.get(caller, tokenOf(caller), path, query);
    }
    if (path.startsWith("/api/v9/workspaces/")) {
      return writes.handle(caller, method, path, query, body);
    }
    return Answer.error(405, "Method not allowed");
  }

  private static Handled plain(Answer answer) {
    return new Handled(Reply.send(answer), null, false);
  }

  private String quotaReport(Member caller, Instant now) {
    return quotaCounters(caller, now).toString();
  }

  /**
   * The quota buckets of a user as {@code GET /me/quota} shows them (the user's, then one per
   * organization they belong to), read without counting a request: for tests to compare with.
   */
  public ArrayNode quotaCounters(long userId) {
    Member member =
        data.member(userId).orElseThrow(() -> new IllegalArgumentException("no user " + userId));
    return quotaCounters(member, clock.instant());
  }

  private ArrayNode quotaCounters(Member caller, Instant now) {
    ArrayNode array = SimulatorJson.MAPPER.createArrayNode();
    ObjectNode user = array.addObject();
    user.putNull("organization_id");
    userQuota(caller.id()).describe(user, now);
    for (World.Organization o : data.organizations()) {
      boolean member =
          data.workspaces().stream()
              .anyMatch(w -> w.organizationId() == o.id() && caller.belongsTo(w.id()));
      if (member) {
        ObjectNode node = array.addObject();
        node.put("organization_id", o.id());
        orgQuota(caller.id(), o.id()).describe(node, now);
      }
    }
    return array;
  }

  private record OrgBucket(long userId, long organizationId) {}

  private QuotaWindow userQuota(long userId) {
    return userQuotas.computeIfAbsent(userId, k -> new QuotaWindow(options.userQuotaPerHour()));
  }

  private QuotaWindow orgQuota(long userId, long organizationId) {
    return orgQuotas.computeIfAbsent(
        new OrgBucket(userId, organizationId), k -> new QuotaWindow(options.orgQuotaPerHour()));
  }

  /** The organization a workspace, Reports or organization path is about (0: none known). */
  private long organizationOf(String path) {
    Matcher org = ORGANIZATION_PATH.matcher(path);
    if (org.find()) {
      return Long.parseLong(org.group(1));
    }
    Matcher ws = WORKSPACE_PATH.matcher(path);
    if (ws.find()) {
      return data.workspace(Long.parseLong(ws.group(1)))
          .map(World.Workspace::organizationId)
          .orElse(0L);
    }
    return 0;
  }

  private String tokenOf(Member m) {
    return m.id() == data.user().id() ? options.token() : m.token();
  }

  private static String authorization(String token) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((token + ":api_token").getBytes(StandardCharsets.UTF_8));
  }

  private void deliver(HttpExchange exchange, Reply reply) throws IOException {
    switch (reply.delivery()) {
      case SEND -> send(exchange, reply.answer());
      case DROP -> {
        // closing without a status line drops the connection
      }
      case STALL -> faults.stalls().stall();
      case STALL_BODY -> {
        byte[] bytes = reply.answer().body().getBytes(StandardCharsets.UTF_8);
        headers(exchange, reply.answer());
        exchange.sendResponseHeaders(reply.answer().status(), Math.max(2, bytes.length + 1));
        OutputStream out = exchange.getResponseBody();
        out.write(bytes, 0, bytes.length / 2);
        out.flush();
        faults.stalls().stall(); // the rest never comes; closing then drops the connection
      }
    }
  }

  private static void send(HttpExchange exchange, Answer answer) throws IOException {
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    headers(exchange, answer);
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static void headers(HttpExchange exchange, Answer answer) {
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.getResponseHeaders().set("X-Toggl-Request-Id", Long.toHexString(System.nanoTime()));
    answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
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
