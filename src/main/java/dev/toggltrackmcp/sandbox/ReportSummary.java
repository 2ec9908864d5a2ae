package dev.toggltrackmcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toggltrackmcp.sandbox.World.Entry;
import dev.toggltrackmcp.sandbox.World.Project;
import dev.toggltrackmcp.sandbox.World.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST …/summary/time_entries}: seconds per group ({@code grouping} projects, clients or
 * users) and sub-group ({@code sub_grouping} time_entries, tasks, projects, clients or users). Each
 * sub-group carries {@code rates}: billable seconds per hourly rate and currency, from which a
 * client computes amounts. The {@code rates} shape, and {@code title} being the description for
 * time_entries and null for the other sub-groupings (their {@code id} names them), are unverified.
 */
final class ReportSummary {
  private static final Set<String> GROUPINGS = Set.of("projects", "clients", "users");
  private static final Set<String> SUB_GROUPINGS =
      Set.of("time_entries", "tasks", "projects", "clients", "users");

  private record SubKey(@Nullable Long id, @Nullable String title) {}

  private static final class Totals {
    long seconds;
    final Map<Rates.Rate, Long> billable = new LinkedHashMap<>();
    final List<Long> ids = new ArrayList<>();
  }

  private final Dataset data;
  private final Workspace ws;

  ReportSummary(Dataset data, Workspace ws) {
    this.data = data;
    this.ws = ws;
  }

  Answer answer(List<Entry> entries, JsonNode request) {
    String grouping = request.path("grouping").asText("projects");
    String sub = request.path("sub_grouping").asText("time_entries");
    if (!GROUPINGS.contains(grouping)) {
      return Answer.error(
          400, "Invalid 'grouping' value, allowed values are: 'projects', 'clients', 'users'");
    }
    if (!SUB_GROUPINGS.contains(sub) || sub.equals(grouping)) {
      return Answer.error(
          400,
          "Invalid 'sub_grouping' value, allowed values are: 'time_entries', 'tasks', 'projects',"
              + " 'clients', 'users' (other than the grouping)");
    }
    boolean withIds = request.path("include_time_entry_ids").asBoolean(false);
    Map<Long, Map<SubKey, Totals>> groups = new LinkedHashMap<>();
    for (Entry e : entries) {
      Long groupId = idBy(grouping, e);
      SubKey key =
          sub.equals("time_entries")
              ? new SubKey(null, e.description())
              : new SubKey(idBy(sub, e), null);
      Totals totals =
          groups
              .computeIfAbsent(groupId == null ? -1L : groupId, k -> new LinkedHashMap<>())
              .computeIfAbsent(key, k -> new Totals());
      totals.seconds += e.duration();
      totals.ids.add(e.id());
      Rates.Rate rate = Rates.of(data, ws, e);
      if (e.billable() && rate != null) {
        totals.billable.merge(rate, e.duration(), Long::sum);
      }
    }
    ObjectNode root = SimulatorJson.MAPPER.createObjectNode();
    ArrayNode out = root.putArray("groups");
    groups.forEach(
        (id, subs) -> {
          ObjectNode g = out.addObject();
          g.put("id", id == -1L ? null : id);
          ArrayNode sg = g.putArray("sub_groups");
          subs.forEach((key, totals) -> subGroup(sg.addObject(), key, totals, withIds));
        });
    return new Answer(200, root.toString(), Map.of("X-Grouping", grouping, "X-Sub-Grouping", sub));
  }

  private static void subGroup(ObjectNode s, SubKey key, Totals totals, boolean withIds) {
    s.put("id", key.id());
    s.put("title", key.title());
    s.put("seconds", totals.seconds);
    ArrayNode rates = s.putArray("rates");
    totals.billable.forEach(
        (rate, seconds) -> {
          ObjectNode r = rates.addObject();
          r.put("billable_seconds", seconds);
          r.put("hourly_rate_in_cents", rate.cents());
          r.put("currency", rate.currency());
          r.put("billable_amount_in_cents", rate.amountInCents(seconds));
        });
    if (withIds) {
      ArrayNode ids = s.putArray("ids");
      totals.ids.forEach(ids::add);
    }
  }

  private @Nullable Long idBy(String what, Entry e) {
    return switch (what) {
      case "projects" -> e.projectId();
      case "clients" ->
          e.projectId() == null
              ? null
              : data.project(e.projectId()).map(Project::clientId).orElse(null);
      case "users" -> e.userId();
      case "tasks" -> e.taskId();
      default -> null;
    };
  }
}
