package dev.toggltrackmcp.transport;

import dev.toggltrackmcp.config.Settings;
import dev.toggltrackmcp.mcp.McpService;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * MCP Streamable HTTP at {@code /mcp} on Jetty, plus {@code GET /health}, which never calls Toggl.
 * A request passes {@link HttpGuard} on its headers, then its body is read without a thread ({@link
 * WholeBodyFirst}), then {@link JsonRpcFilter} checks the message before the SDK's servlet sees it.
 * So slow or unauthenticated clients never hold one of the threads. Unknown paths and Jetty's own
 * errors answer short JSON.
 */
public final class HttpServer implements AutoCloseable {
  /**
   * How long clients may take.
   *
   * @param wholeBody a request body must have arrived in full this long after its headers
   * @param idle a connection with no bytes moving either way is closed after this long
   */
  public record Limits(Duration wholeBody, Duration idle) {
    public static final Limits DEFAULT = new Limits(Duration.ofSeconds(10), Duration.ofSeconds(30));
  }

  private final Server jetty;
  private final McpSyncServer mcp;
  private final int port;

  private HttpServer(Server jetty, McpSyncServer mcp, int port) {
    this.jetty = jetty;
    this.mcp = mcp;
    this.port = port;
  }

  /** Binds {@code settings.host():settings.port()} (0 = a free port) and starts serving. */
  public static HttpServer start(
      McpService service, Settings settings, String version, Supplier<Map<String, Object>> health)
      throws Exception {
    return start(service, settings, version, health, Limits.DEFAULT);
  }

  /** As {@link #start(McpService, Settings, String, Supplier)}, with the given limits. */
  public static HttpServer start(
      McpService service,
      Settings settings,
      String version,
      Supplier<Map<String, Object>> health,
      Limits limits)
      throws Exception {
    settings.checkHttpExposure();
    HttpServletStreamableServerTransportProvider transport =
        HttpServletStreamableServerTransportProvider.builder()
            .jsonMapper(McpServers.JSON)
            .mcpEndpoint("/mcp")
            .maxRequestSize((int) HttpGuard.LARGEST_BODY)
            .keepAliveInterval(Duration.ofSeconds(30))
            .build();
    McpSyncServer mcp = McpServers.http(service, transport);

    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName("http");
    threads.setDaemon(true);
    Server jetty = new Server(threads);
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    config.setSendXPoweredBy(false);
    ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(config));
    connector.setIdleTimeout(limits.idle().toMillis());
    connector.setHost(settings.host());
    connector.setPort(settings.port());
    jetty.addConnector(connector);

    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(new ServletHolder(transport), "/mcp");
    context.addServlet(new ServletHolder(new HealthServlet(version, health)), "/health");
    context.addServlet(new ServletHolder(new NotFoundServlet()), "/");
    context.addFilter(
        new FilterHolder(new JsonRpcFilter()), "/mcp", EnumSet.of(DispatcherType.REQUEST));
    context.setErrorHandler(new JsonErrorHandler());
    EagerContentHandler bodies =
        new EagerContentHandler(
            context, new WholeBodyFirst(HttpGuard.LARGEST_BODY, limits.wholeBody()));
    jetty.setHandler(
        new HttpGuard(settings, OfferedVersions.of(transport.protocolVersions()), bodies));
    jetty.setErrorHandler(new JsonErrorHandler());
    jetty.start();
    return new HttpServer(jetty, mcp, connector.getLocalPort());
  }

  public int port() {
    return port;
  }

  @Override
  public void close() throws Exception {
    mcp.closeGracefully();
    jetty.stop();
  }

  private static final class HealthServlet extends HttpServlet {
    private final String version;
    private final Supplier<Map<String, Object>> details;
    private final Instant started = Clock.systemUTC().instant();

    HealthServlet(String version, Supplier<Map<String, Object>> details) {
      this.version = version;
      this.details = details;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("status", "ok");
      body.put("version", version);
      body.put(
          "uptime_seconds", Duration.between(started, Clock.systemUTC().instant()).toSeconds());
      body.putAll(details.get());
      resp.setContentType("application/json");
      resp.setCharacterEncoding("UTF-8");
      resp.getWriter().write(McpServers.JSON.writeValueAsString(body));
    }
  }

  private static final class NotFoundServlet extends HttpServlet {
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      JsonErrors.send(
          resp, 404, JsonErrors.body("not_found", "Nothing here; MCP is served at /mcp."));
    }
  }

  /** Jetty's own error pages (bad requests, 500s) as short JSON without any detail. */
  private static final class JsonErrorHandler implements Request.Handler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      int status = response.getStatus() >= 400 ? response.getStatus() : 500;
      response.setStatus(status);
      response.getHeaders().put("Content-Type", "application/json");
      response.write(
          true,
          java.nio.ByteBuffer.wrap(
              JsonErrors.body("http_" + status, "The request could not be served.")
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
          callback);
      return true;
    }
  }
}
