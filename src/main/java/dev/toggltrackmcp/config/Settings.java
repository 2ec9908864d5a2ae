package dev.toggltrackmcp.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Every setting of the server, validated once at startup ({@link SettingsLoader}) and immutable
 * afterwards. Secrets are {@link Secret}s, so {@link #toString()} never shows them.
 *
 * @param apiToken Toggl API token; absent only for {@code demo}
 * @param workspaceId workspace used when a tool gets none; absent means every workspace
 * @param apiBaseUrl Toggl root without a trailing slash
 * @param cacheDir persistent cache directory; absent means the cache is off
 * @param mcpApiKey HTTP mode key; absent means HTTP auth is off
 * @param allowedOrigins extra browser origins allowed to call {@code /mcp} besides localhost
 * @param allowedHosts extra {@code Host} header values accepted besides localhost and {@code host}
 * @param allowUnauthenticated the user accepted serving a non-loopback address without a key
 */
public record Settings(
    @Nullable Secret apiToken,
    @Nullable Long workspaceId,
    URI apiBaseUrl,
    boolean writeEnabled,
    @Nullable Path cacheDir,
    @Nullable Secret mcpApiKey,
    String host,
    int port,
    LogLevel logLevel,
    List<String> allowedOrigins,
    List<String> allowedHosts,
    boolean allowUnauthenticated) {

  public static final URI DEFAULT_API_BASE_URL = URI.create("https://api.track.toggl.com");

  public Settings {
    allowedOrigins = List.copyOf(allowedOrigins);
    allowedHosts = List.copyOf(allowedHosts);
  }

  /** Settings for a process that talks to {@code apiBaseUrl} with {@code token} and no cache. */
  public static Settings forToken(Secret token, URI apiBaseUrl) {
    return new Settings(
        token,
        null,
        apiBaseUrl,
        false,
        null,
        null,
        "127.0.0.1",
        8000,
        LogLevel.INFO,
        List.of(),
        List.of(),
        false);
  }

  /** The token, or a one-line explanation of how to set it. */
  public Secret requireToken() {
    if (apiToken == null) {
      throw new ConfigException(
          "TOGGL_API_TOKEN is not set: copy your API token from https://track.toggl.com/profile"
              + " into the environment or ./.env (or run `toggl-track-mcp demo` to try the"
              + " server without one).");
    }
    return apiToken;
  }

  public Optional<Long> defaultWorkspaceId() {
    return Optional.ofNullable(workspaceId);
  }

  public Optional<Path> cacheDirectory() {
    return Optional.ofNullable(cacheDir);
  }

  public Optional<Secret> apiKey() {
    return Optional.ofNullable(mcpApiKey);
  }

  /** Track API v9 root, e.g. {@code https://api.track.toggl.com/api/v9}. */
  public URI v9BaseUrl() {
    return URI.create(apiBaseUrl + "/api/v9");
  }

  /** Reports API v3 root, e.g. {@code https://api.track.toggl.com/reports/api/v3}. */
  public URI reportsBaseUrl() {
    return URI.create(apiBaseUrl + "/reports/api/v3");
  }

  public Settings withApiToken(Secret token, URI baseUrl) {
    return new Settings(
        token,
        workspaceId,
        baseUrl,
        writeEnabled,
        cacheDir,
        mcpApiKey,
        host,
        port,
        logLevel,
        allowedOrigins,
        allowedHosts,
        allowUnauthenticated);
  }

  /** The same settings with the write tools on or off (TOGGL_WRITE_ENABLED). */
  public Settings withWriteEnabled(boolean enabled) {
    return new Settings(
        apiToken,
        workspaceId,
        apiBaseUrl,
        enabled,
        cacheDir,
        mcpApiKey,
        host,
        port,
        logLevel,
        allowedOrigins,
        allowedHosts,
        allowUnauthenticated);
  }

  public Settings withCacheDir(@Nullable Path dir) {
    return new Settings(
        apiToken,
        workspaceId,
        apiBaseUrl,
        writeEnabled,
        dir,
        mcpApiKey,
        host,
        port,
        logLevel,
        allowedOrigins,
        allowedHosts,
        allowUnauthenticated);
  }

  /** The same settings bound to a free loopback port, for in-process servers (demo, tests). */
  public Settings onLoopbackFreePort() {
    return new Settings(
        apiToken,
        workspaceId,
        apiBaseUrl,
        writeEnabled,
        cacheDir,
        mcpApiKey,
        "127.0.0.1",
        0,
        logLevel,
        allowedOrigins,
        allowedHosts,
        allowUnauthenticated);
  }

  /** True when {@code host} only accepts connections from this machine. */
  public boolean bindsLoopbackOnly() {
    String h =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Refuses to serve HTTP beyond this machine without a key, unless the user accepted that. */
  public void checkHttpExposure() {
    if (!bindsLoopbackOnly() && mcpApiKey == null && !allowUnauthenticated) {
      throw new ConfigException(
          "HOST="
              + host
              + " accepts connections from other machines but MCP_API_KEY is not set: set"
              + " MCP_API_KEY to a long random value (e.g. `openssl rand -hex 32`), or set"
              + " MCP_ALLOW_UNAUTHENTICATED=true to accept that anyone who can reach the port"
              + " reads your Toggl data.");
    }
  }
}
