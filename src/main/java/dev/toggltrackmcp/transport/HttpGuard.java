package dev.toggltrackmcp.transport;

import dev.toggltrackmcp.config.Secret;
import dev.toggltrackmcp.config.Settings;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Checks every {@code /mcp} request on its headers alone, before any of its body is read and before
 * a servlet thread waits on it: the API key (header only, compared in constant time), {@code
 * Origin} and {@code Host} against DNS rebinding, the protocol version header, and the declared
 * body size. A refused request's body is never waited for; the connection is closed instead.
 */
final class HttpGuard extends Handler.Wrapper {
  /** Requests larger than this (1 MiB) are refused; tool calls are a few hundred bytes. */
  static final long LARGEST_BODY = 1024 * 1024;

  /** An authorized request too large for us is read and dropped up to this size, then told. */
  static final long LARGEST_DRAINED = 4L * 1024 * 1024;

  private static final Set<String> KEY_PARAMETERS =
      Set.of("api_key", "apikey", "key", "token", "access_token", "mcp_api_key");
  private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private final Settings settings;
  private final List<String> protocolVersions;

  /** {@code protocolVersions}: what the MCP server offers, so the two can never disagree. */
  HttpGuard(Settings settings, List<String> protocolVersions, Handler next) {
    super(next);
    this.settings = settings;
    this.protocolVersions = List.copyOf(protocolVersions);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!"/mcp".equals(Request.getPathInContext(request))) {
      return super.handle(request, response, callback);
    }
    Refusal refusal = refusal(request);
    if (refusal == null) {
      return super.handle(request, response, callback);
    }
    if (refusal.status() == 401) {
      response.getHeaders().put("WWW-Authenticate", "Bearer realm=\"toggl-track-mcp\"");
    }
    if (refusal.status() == 413 && request.getLength() <= LARGEST_DRAINED) {
      // a client that passed every other check is told why: its body is read (without a thread)
      // and dropped first, since closing on a client still sending resets the connection and the
      // client never sees the 413
      Content.Source.consumeAll(
          request,
          Callback.from(
              () ->
                  JsonErrors.write(
                      response, callback, 413, JsonErrors.body(refusal.code(), refusal.message())),
              callback::failed));
      return true;
    }
    JsonErrors.refuse(
        request, response, callback, refusal.status(), refusal.code(), refusal.message());
    return true;
  }

  private record Refusal(int status, String code, String message) {}

  private @Nullable Refusal refusal(Request request) {
    HttpFields headers = request.getHeaders();
    if (!hostAllowed(headers.get("Host"))) {
      return new Refusal(
          403, "forbidden_host", "This Host is not allowed; add it to MCP_ALLOWED_HOSTS.");
    }
    String origin = headers.get("Origin");
    if (origin != null && !originAllowed(origin)) {
      return new Refusal(
          403, "forbidden_origin", "This Origin is not allowed; add it to MCP_ALLOWED_ORIGINS.");
    }
    String query = request.getHttpURI().getQuery();
    if (query != null && hasKeyParameter(query)) {
      return new Refusal(
          401,
          "key_in_url",
          "Send the API key in the Authorization: Bearer header (or X-API-Key), never in the URL.");
    }
    Secret key = settings.mcpApiKey();
    if (key != null && !authorized(headers, key)) {
      return new Refusal(
          401,
          "unauthorized",
          "Missing or wrong API key: send Authorization: Bearer <MCP_API_KEY>.");
    }
    String version = headers.get("MCP-Protocol-Version");
    if (version != null && !protocolVersions.contains(version)) {
      return new Refusal(
          400,
          "unsupported_protocol_version",
          (version.matches("\\d{4}-\\d{2}-\\d{2}")
                  ? "MCP-Protocol-Version " + version + " is not supported"
                  : "This MCP-Protocol-Version is not supported")
              + "; this server speaks "
              + String.join(", ", protocolVersions)
              + " (initialize again asking for one of them).");
    }
    if (request.getLength() > LARGEST_BODY) {
      return new Refusal(413, "too_large", "Request body larger than " + LARGEST_BODY + " bytes.");
    }
    return null;
  }

  private static boolean authorized(HttpFields headers, Secret key) {
    String auth = headers.get("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return key.matches(auth.substring(7).trim());
    }
    String header = headers.get("X-API-Key");
    return header != null && key.matches(header.trim());
  }

  private boolean hostAllowed(@Nullable String host) {
    if (host == null) {
      return false;
    }
    String name = stripPort(host.toLowerCase(Locale.ROOT));
    return LOCAL_HOSTS.contains(name)
        || name.equals(settings.host().toLowerCase(Locale.ROOT))
        || settings.allowedHosts().stream()
            .anyMatch(h -> h.equalsIgnoreCase(host) || h.equalsIgnoreCase(name));
  }

  private boolean originAllowed(String origin) {
    if (settings.allowedOrigins().stream().anyMatch(o -> o.equalsIgnoreCase(origin))) {
      return true;
    }
    try {
      URI uri = URI.create(origin);
      String scheme = uri.getScheme();
      String host = uri.getHost();
      return ("http".equals(scheme) || "https".equals(scheme))
          && host != null
          && LOCAL_HOSTS.contains(host.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean hasKeyParameter(String query) {
    for (String pair : query.split("&")) {
      String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
      if (KEY_PARAMETERS.contains(name)) {
        return true;
      }
    }
    return false;
  }

  private static String stripPort(String host) {
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end < 0 ? host : host.substring(0, end + 1);
    }
    int colon = host.lastIndexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }
}
