package dev.toggltrackmcp.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toggltrackmcp.analytics.TimeRange;
import dev.toggltrackmcp.store.Fresh;
import dev.toggltrackmcp.store.TeamData;
import dev.toggltrackmcp.store.TimeEntryWrites;
import dev.toggltrackmcp.store.TogglData;
import dev.toggltrackmcp.toggl.TogglClient;
import dev.toggltrackmcp.toggl.TogglJson;
import dev.toggltrackmcp.toggl.model.Account;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What every tool handler shares: the data, the clock, the configured workspace, and the pieces
 * every answer carries (freshness, range).
 */
final class ToolContext {
  private static final ObjectMapper JSON = TogglJson.mapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  final TogglData data;

  /** Toggl itself, for what the cache does not hold (quota, workspace constraints). */
  final TogglClient client;

  final Clock clock;

  /** TOGGL_WORKSPACE_ID: the workspace a call without workspace_id is about (null: every one). */
  final @Nullable Long configuredWorkspace;

  /** Other people's time (Reports); null where a server has none (schema snapshots). */
  final @Nullable TeamData team;

  /** Changes to the user's data; null where a server has none (schema snapshots). */
  final @Nullable TimeEntryWrites writes;

  /** Each workspace's time entry constraints, shared by check_timesheet and the writes. */
  final ConstraintsReader constraints;

  ToolContext(
      TogglData data,
      TogglClient client,
      @Nullable TeamData team,
      Clock clock,
      @Nullable Long configuredWorkspace) {
    this(data, client, team, null, clock, configuredWorkspace);
  }

  ToolContext(
      TogglData data,
      TogglClient client,
      @Nullable TeamData team,
      @Nullable TimeEntryWrites writes,
      Clock clock,
      @Nullable Long configuredWorkspace) {
    this.data = data;
    this.client = client;
    this.team = team;
    this.writes = writes;
    this.clock = clock;
    this.configuredWorkspace = configuredWorkspace;
    this.constraints = new ConstraintsReader(client, clock);
  }

  /** The writes, for a write tool's handler (only listed when they exist). */
  TimeEntryWrites writes() {
    if (writes == null) {
      throw new IllegalStateException("this server was built without writes");
    }
    return writes;
  }

  Instant now() {
    return clock.instant();
  }

  /** A record as the snake_case map a structured result carries. */
  static Map<String, Object> structured(Object value) {
    return JSON.convertValue(value, MAP);
  }

  static Map<String, Object> rangeInfo(TimeRange r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("start_date", r.firstDay().toString());
    m.put("end_date", r.lastDay().toString());
    m.put("timezone", r.zone().getId());
    return m;
  }

  /**
   * Where the user's history starts: the day their Toggl account was created, the one date known
   * for certain without fetching all history (null when Toggl did not say).
   */
  static @Nullable LocalDate historyStart(Account account) {
    Instant created = account.user().createdAt();
    return created == null ? null : LocalDate.ofInstant(created, account.user().zone());
  }

  /** Adds {@code data_as_of} (and the staleness note, if any) to a structured result. */
  static Map<String, Object> withFreshness(Map<String, Object> result, Fresh<?> fresh) {
    result.put("data_as_of", fresh.dataAsOf().toString());
    fresh.stalenessNote().ifPresent(n -> result.put("note", n));
    return result;
  }

  static String freshnessLine(Fresh<?> fresh) {
    return fresh.stalenessNote().map(n -> "\nNote: " + n).orElse("");
  }
}
