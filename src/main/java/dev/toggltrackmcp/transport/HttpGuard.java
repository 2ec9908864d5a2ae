package dev.toggltrackmcp.transport;

import dev.toggltrackmcp.config.Secret;
import dev.toggltrackmcp.config.Settings;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks every {@code /mcp} request before the SDK sees it: the API key (header only, compared in
 * constant time), {@code Origin} and {@code Host} against DNS rebinding, the protocol version
 * header, and the body size.
 */
final class HttpGuard implements Filter {
  /** Requests larger than this (1 MiB) are refused; tool calls are a few hundred bytes. */
  static final long LARGEST_BODY = 1024 * 1024;

  private static final Set<String> KEY_PARAMETERS =
      Set.of("api_key", "apikey", "key", "token", "access_token", "mcp_api_key");
  private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private final Settings settings;
  private final List<String> protocolVersions;

  /** {@code protocolVersions}: what the SDK's transport speaks, so the two can never disagree. */
  HttpGuard(Settings settings, List<String> protocolVersions) {
    this.settings = settings;
    this.protocolVersions = List.copyOf(protocolVersions);
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    String refusal = refusal(request, response);
    if (refusal == null) {
      SafeErrorResponse safe = new SafeErrorResponse(response);
      chain.doFilter(req, safe);
      safe.finish();
    }
  }

  /** Sends the refusal and returns its reason, or null when the request may pass. */
  private String refusal(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!hostAllowed(request.getHeader("Host"))) {
      return JsonErrors.refuse(
          request,
          response,
          403,
          "forbidden_host",
          "This Host is not allowed; add it to MCP_ALLOWED_HOSTS.");
    }
    String origin = request.getHeader("Origin");
    if (origin != null && !originAllowed(origin)) {
      return JsonErrors.refuse(
          request,
          response,
          403,
          "forbidden_origin",
          "This Origin is not allowed; add it to MCP_ALLOWED_ORIGINS.");
    }
    String query = request.getQueryString();
    if (query != null && hasKeyParameter(query)) {
      return JsonErrors.refuse(
          request,
          response,
          401,
          "key_in_url",
          "Send the API key in the Authorization: Bearer header (or X-API-Key), never in the URL.");
    }
    Secret key = settings.mcpApiKey();
    if (key != null && !authorized(request, key)) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"toggl-track-mcp\"");
      return JsonErrors.refuse(
          request,
          response,
          401,
          "unauthorized",
          "Missing or wrong API key: send Authorization: Bearer <MCP_API_KEY>.");
    }
    String version = request.getHeader("MCP-Protocol-Version");
    if (version != null && !protocolVersions.contains(version)) {
      return JsonErrors.refuse(
          request,
          response,
          400,
          "unsupported_protocol_version",
          "Unsupported MCP-Protocol-Version; supported: "
              + String.join(", ", protocolVersions)
              + ".");
    }
    if (request.getContentLengthLong() > LARGEST_BODY) {
      return JsonErrors.refuse(
          request,
          response,
          413,
          "too_large",
          "Request body larger than " + LARGEST_BODY + " bytes.");
    }
    return null;
  }

  private static boolean authorized(HttpServletRequest request, Secret key) {
    String auth = request.getHeader("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return key.matches(auth.substring(7).trim());
    }
    String header = request.getHeader("X-API-Key");
    return header != null && key.matches(header.trim());
  }

  private boolean hostAllowed(String host) {
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
