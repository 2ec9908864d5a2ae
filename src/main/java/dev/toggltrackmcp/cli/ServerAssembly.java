package dev.toggltrackmcp.cli;

import dev.toggltrackmcp.config.Secret;
import dev.toggltrackmcp.config.Settings;
import dev.toggltrackmcp.mcp.TogglTools;
import dev.toggltrackmcp.mcp.ToolRegistry;
import dev.toggltrackmcp.store.CacheFile;
import dev.toggltrackmcp.store.CacheStatus;
import dev.toggltrackmcp.store.FreshnessPolicy;
import dev.toggltrackmcp.store.SyncedToggl;
import dev.toggltrackmcp.toggl.Sleeper;
import dev.toggltrackmcp.toggl.TogglClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Wires settings into a working server: Toggl client, cache, tools. */
public record ServerAssembly(TogglClient client, SyncedToggl data, TogglTools tools) {
  /** The whole exchange, body included; a sync retries, a question stops waiting at its budget. */
  static final Duration TOGGL_TIMEOUT = Duration.ofSeconds(10);

  public static ServerAssembly of(Settings settings, Clock clock, Sleeper sleeper) {
    Secret token = settings.requireToken();
    TogglClient client = client(settings, clock, sleeper);
    Path file =
        settings
            .cacheDirectory()
            .map(dir -> CacheFile.fileFor(dir, token, settings.apiBaseUrl()))
            .orElse(null);
    SyncedToggl data = SyncedToggl.create(client, file, clock, FreshnessPolicy.DEFAULT);
    TogglTools tools =
        new TogglTools(
            new ToolRegistry(
                data, client, data.team(), data.writes(), clock, settings.workspaceId()),
            settings.writeEnabled(),
            Version.current());
    data.whenRunningEntryChanges(
        tools::runningEntryChanged); // for toggl://current-entry subscribers
    return new ServerAssembly(client, data, tools);
  }

  /** The Toggl client these settings describe, as every command talks to Toggl. */
  static TogglClient client(Settings settings, Clock clock, Sleeper sleeper) {
    return TogglClient.connect(
        settings.apiBaseUrl(),
        settings.requireToken(),
        "toggl-track-mcp/" + Version.current(),
        TOGGL_TIMEOUT,
        clock,
        sleeper);
  }

  /** What /health shows: the cache, never anything that needs Toggl. */
  public Map<String, Object> health() {
    CacheStatus s = data.status();
    Map<String, Object> m = new LinkedHashMap<>();
    String where = s.location();
    m.put("cache", where.equals("memory") || where.equals("not opened yet") ? where : "disk");
    m.put("entries_cached", s.entriesHeld());
    m.put("last_sync", s.lastSync() == null ? null : s.lastSync().toString());
    return m;
  }
}
