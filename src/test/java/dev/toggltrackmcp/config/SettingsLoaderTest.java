package dev.toggltrackmcp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsLoaderTest {
  private static final Path HOME = Path.of("/home/ana");

  private static Settings load(Map<String, String> env, Map<String, String> dotEnv) {
    return SettingsLoader.load(env, dotEnv, HOME);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "TOGGL_WORKSPACE_ID, abc, TOGGL_WORKSPACE_ID",
    "PORT, 70000, PORT",
    "PORT, eighty, PORT",
    "LOG_LEVEL, verbose, LOG_LEVEL",
    "LOG_LEVEL_LIBRARIES, chatty, LOG_LEVEL_LIBRARIES",
    "TOGGL_API_BASE_URL, not a url, TOGGL_API_BASE_URL",
    "TOGGL_API_BASE_URL, ftp://example.com, TOGGL_API_BASE_URL",
    "TOGGL_WRITE_ENABLED, maybe, TOGGL_WRITE_ENABLED",
    "MCP_API_KEY, short, MCP_API_KEY",
    "TOGGL_API_TOKEN, '  ', TOGGL_API_TOKEN"
  })
  void aBadValueStopsStartupWithOneLineNamingIt(String name, String value, String named) {
    assertThatThrownBy(() -> load(Map.of(name, value, "TOGGL_API_TOKEN_X", "x"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(named)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void theEnvironmentWinsOverDotEnvAndSecretsAreMasked() {
    Settings s =
        load(
            Map.of("TOGGL_API_TOKEN", "real-token-0123456789", "PORT", "9000"),
            Map.of(
                "TOGGL_API_TOKEN",
                "file-token",
                "PORT",
                "1234",
                "MCP_API_KEY",
                "key-0123456789abcdef"));
    assertThat(s.apiToken().reveal()).isEqualTo("real-token-0123456789");
    assertThat(s.port()).isEqualTo(9000);
    assertThat(s.toString()).doesNotContain("real-token").doesNotContain("key-0123456789abcdef");
  }

  @Test
  void logLevelsComeFromDotEnvToo() {
    assertThat(SettingsLoader.logLevels(Map.of(), Map.of()))
        .isEqualTo(new LogLevels(LogLevel.INFO, LogLevel.WARN));
    assertThat(
            SettingsLoader.logLevels(
                Map.of("LOG_LEVEL_LIBRARIES", "info"), Map.of("LOG_LEVEL", "debug")))
        .isEqualTo(new LogLevels(LogLevel.DEBUG, LogLevel.INFO));
  }

  @Test
  void defaultsAndCacheOff() {
    Settings s = load(Map.of("TOGGL_API_TOKEN", "t"), Map.of());
    assertThat(s.host()).isEqualTo("127.0.0.1");
    assertThat(s.port()).isEqualTo(8000);
    assertThat(s.cacheDirectory()).contains(HOME.resolve(".cache/toggl-track-mcp"));
    assertThat(load(Map.of("TOGGL_CACHE_DIR", "off"), Map.of()).cacheDirectory()).isEmpty();
  }
}
