package dev.toggltrackmcp.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns environment variables (and {@code ./.env}, which the real environment overrides) into
 * {@link Settings}, or stops with a {@link ConfigException} naming the variable and the fix.
 */
public final class SettingsLoader {
  private final Map<String, String> values;
  private final Path userHome;

  private SettingsLoader(Map<String, String> values, Path userHome) {
    this.values = values;
    this.userHome = userHome;
  }

  /**
   * @param environment the process environment
   * @param dotEnv values read from {@code ./.env}; the environment wins over them
   * @param userHome the home directory, for the default cache location
   */
  public static Settings load(
      Map<String, String> environment, Map<String, String> dotEnv, Path userHome) {
    Map<String, String> merged = new HashMap<>(dotEnv);
    merged.putAll(environment);
    return new SettingsLoader(merged, userHome).settings();
  }

  /**
   * Just the log levels, read before anything else so the first logger already has them; throws a
   * ConfigException naming the variable when one is bad, as {@link #load} does.
   */
  public static LogLevels logLevels(Map<String, String> environment, Map<String, String> dotEnv) {
    Map<String, String> merged = new HashMap<>(dotEnv);
    merged.putAll(environment);
    return new SettingsLoader(merged, Path.of("")).levels();
  }

  private LogLevels levels() {
    return new LogLevels(
        level("LOG_LEVEL", LogLevels.DEFAULT.ours()),
        level("LOG_LEVEL_LIBRARIES", LogLevels.DEFAULT.libraries()));
  }

  private Settings settings() {
    LogLevels levels = levels();
    return new Settings(
        secret(
            "TOGGL_API_TOKEN",
            "set it to your API token from https://track.toggl.com/profile, or unset it to run `demo`"),
        workspaceId(),
        baseUrl(),
        bool("TOGGL_WRITE_ENABLED", false),
        cacheDir(),
        apiKey(),
        host(),
        port(),
        levels.ours(),
        origins(),
        list("MCP_ALLOWED_HOSTS"),
        bool("MCP_ALLOW_UNAUTHENTICATED", false));
  }

  private @Nullable String get(String name) {
    String v = values.get(name);
    return v == null ? null : v.strip();
  }

  private @Nullable Secret secret(String name, String fix) {
    String raw = values.get(name);
    if (raw == null) {
      return null;
    }
    if (raw.isBlank()) {
      throw new ConfigException(name + " is set but empty: " + fix + ".");
    }
    if (!raw.strip().equals(raw) || raw.chars().anyMatch(Character::isWhitespace)) {
      throw new ConfigException(
          name + " contains spaces or line breaks: copy the value again without them.");
    }
    return Secret.of(raw);
  }

  private @Nullable Long workspaceId() {
    String raw = get("TOGGL_WORKSPACE_ID");
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    try {
      long id = Long.parseLong(raw);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(
        "TOGGL_WORKSPACE_ID must be a positive number such as 1234567, not '"
            + shown(raw)
            + "': copy the id from your workspace's URL in Toggl, or unset it to cover every workspace.");
  }

  private URI baseUrl() {
    String raw = get("TOGGL_API_BASE_URL");
    if (raw == null || raw.isEmpty()) {
      return Settings.DEFAULT_API_BASE_URL;
    }
    String trimmed = raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
    try {
      URI uri = new URI(trimmed);
      String scheme = uri.getScheme();
      if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
          && uri.getHost() != null
          && uri.getQuery() == null
          && uri.getFragment() == null
          && uri.getUserInfo() == null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new ConfigException(
        "TOGGL_API_BASE_URL must be an http(s) URL such as https://api.track.toggl.com (no path"
            + " query or credentials), not '"
            + shown(raw)
            + "': fix it or unset it to use Toggl.");
  }

  private boolean bool(String name, boolean fallback) {
    String raw = get(name);
    if (raw == null || raw.isEmpty()) {
      return fallback;
    }
    switch (raw.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on":
        return true;
      case "false", "0", "no", "off":
        return false;
      default:
        throw new ConfigException(name + " must be true or false, not '" + shown(raw) + "'.");
    }
  }

  private @Nullable Path cacheDir() {
    String raw = get("TOGGL_CACHE_DIR");
    if (raw != null && raw.equalsIgnoreCase("off")) {
      return null;
    }
    try {
      if (raw != null && !raw.isEmpty()) {
        return Path.of(raw).toAbsolutePath();
      }
      String xdg = get("XDG_CACHE_HOME");
      Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : userHome.resolve(".cache");
      return base.resolve("toggl-track-mcp").toAbsolutePath();
    } catch (InvalidPathException e) {
      throw new ConfigException(
          "TOGGL_CACHE_DIR is not a valid path ('"
              + shown(raw)
              + "'): give a directory, or `off`.");
    }
  }

  private @Nullable Secret apiKey() {
    String raw = values.get("MCP_API_KEY");
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    Secret key = secret("MCP_API_KEY", "set a long random value or unset it");
    if (raw.length() < 16) {
      throw new ConfigException(
          "MCP_API_KEY is too short ("
              + raw.length()
              + " characters): use at least 16 random characters, e.g. `openssl rand -hex 32`.");
    }
    return key;
  }

  private String host() {
    String raw = get("HOST");
    if (raw == null || raw.isEmpty()) {
      return "127.0.0.1";
    }
    if (!raw.matches("[A-Za-z0-9.:\\[\\]%_-]+")) {
      throw new ConfigException(
          "HOST must be an address or host name such as 127.0.0.1 or 0.0.0.0, not '"
              + shown(raw)
              + "'.");
    }
    return raw;
  }

  private int port() {
    String raw = get("PORT");
    if (raw == null || raw.isEmpty()) {
      return 8000;
    }
    try {
      int port = Integer.parseInt(raw);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(
        "PORT must be a number from 1 to 65535 (0 picks a free port), not '" + shown(raw) + "'.");
  }

  private LogLevel level(String name, LogLevel fallback) {
    String raw = get(name);
    if (raw == null || raw.isEmpty()) {
      return fallback;
    }
    try {
      return LogLevel.valueOf(raw.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          name + " must be one of error, warn, info, debug, not '" + shown(raw) + "'.");
    }
  }

  private List<String> origins() {
    List<String> origins = list("MCP_ALLOWED_ORIGINS");
    for (String origin : origins) {
      try {
        URI uri = new URI(origin);
        if (uri.getScheme() != null
            && uri.getHost() != null
            && (uri.getPath() == null || uri.getPath().isEmpty())) {
          continue;
        }
      } catch (URISyntaxException e) {
        // reported below
      }
      throw new ConfigException(
          "MCP_ALLOWED_ORIGINS must list origins such as https://app.example.com separated by"
              + " commas, and '"
              + shown(origin)
              + "' is not one.");
    }
    return origins;
  }

  private List<String> list(String name) {
    String raw = get(name);
    if (raw == null || raw.isEmpty()) {
      return List.of();
    }
    List<String> items = new ArrayList<>();
    Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(items::add);
    return items;
  }

  /** A value as shown in an error: short, and only for variables that are not secret. */
  private static String shown(@Nullable String raw) {
    if (raw == null) {
      return "";
    }
    return raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
  }
}
