package dev.toggltrackmcp.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toggltrackmcp.analytics.EntryFilter;
import dev.toggltrackmcp.analytics.InvalidArgument;
import dev.toggltrackmcp.analytics.Names;
import dev.toggltrackmcp.analytics.Period;
import dev.toggltrackmcp.analytics.RangeArguments;
import dev.toggltrackmcp.analytics.TimeRange;
import dev.toggltrackmcp.store.Fresh;
import dev.toggltrackmcp.store.TogglData;
import dev.toggltrackmcp.toggl.TogglJson;
import dev.toggltrackmcp.toggl.model.Account;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What every tool handler shares: the data, the clock, and reading the common arguments. */
final class ToolContext {
  private static final ObjectMapper JSON = TogglJson.mapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  final TogglData data;
  final Clock clock;
  private final @Nullable Long configuredWorkspace;

  ToolContext(TogglData data, Clock clock, @Nullable Long configuredWorkspace) {
    this.data = data;
    this.clock = clock;
    this.configuredWorkspace = configuredWorkspace;
  }

  Instant now() {
    return clock.instant();
  }

  TimeRange range(Arguments args, Account account, Period fallback) {
    return RangeArguments.resolve(
        args.text("period"),
        args.text("start_date"),
        args.text("end_date"),
        fallback,
        account.user().zone(),
        account.user().beginningOfWeek(),
        now());
  }

  /** The workspace argument, else TOGGL_WORKSPACE_ID; null means every workspace. */
  @Nullable Long workspace(Arguments args, Account account) {
    Long id = args.id("workspace_id");
    if (id == null) {
      return configuredWorkspace;
    }
    if (account.workspace(id).isEmpty()) {
      throw new InvalidArgument(
          "workspace_id",
          "No workspace has id "
              + id
              + "; yours are "
              + account.workspaces().stream().map(w -> w.id() + " (" + w.name() + ")").toList()
              + ".");
    }
    return id;
  }

  EntryFilter filter(Arguments args, Account account, @Nullable String query) {
    Long workspace = workspace(args, account);
    Names names = new Names(account);
    String project = args.text("project");
    String client = args.text("client");
    List<String> tags = args.texts("tags", 10);
    List<Set<Long>> tagSets = new ArrayList<>();
    for (String tag : tags) {
      tagSets.add(names.tag(tag));
    }
    return new EntryFilter(
        workspace,
        project == null ? null : names.project(project, workspace).id(),
        client == null ? null : names.client(client, workspace).id(),
        tagSets,
        tags,
        args.bool("billable"),
        query);
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
