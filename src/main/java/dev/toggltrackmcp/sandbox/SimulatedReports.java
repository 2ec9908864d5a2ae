package dev.toggltrackmcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toggltrackmcp.sandbox.SimulatorOptions.OversizedPage;
import dev.toggltrackmcp.sandbox.World.Entry;
import dev.toggltrackmcp.sandbox.World.Member;
import dev.toggltrackmcp.sandbox.World.Workspace;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The Reports API v3 search and summary over everyone's finished entries in a workspace, in the
 * caller's local days. Rules chosen where Toggl's are unverified:
 *
 * <ul>
 *   <li>In a workspace that lets only admins see the team ({@code only_admins_see_team_dashboard}),
 *       a caller who is not an admin gets 403 unless {@code user_ids} is exactly their own id.
 *   <li>On a Free workspace, any report not filtered to exactly the caller is a team report and
 *       gets 402 "Workspace needs to have this feature enabled"; the caller's own (a personal
 *       backfill) works.
 *   <li>{@code page_size} up to {@link SimulatorOptions#reportsPageSize()}; above it the request is
 *       clamped or refused with 400, as {@link SimulatorOptions#oversizedPage()} says.
 *   <li>A request may span at most 366 days (400 otherwise).
 * </ul>
 */
final class SimulatedReports {
  private static final Pattern PATH =
      Pattern.compile("/reports/api/v3/workspace/(\\d+)/(search|summary)/time_entries");
  static final int LONGEST_SPAN_DAYS = 366;

  private final Dataset data;
  private final SimulatorOptions options;

  SimulatedReports(Dataset data, SimulatorOptions options) {
    this.data = data;
    this.options = options;
  }

  Answer post(Member caller, String path, String body) {
    Matcher m = PATH.matcher(path);
    if (!m.matches()) {
      return Answer.error(404, "Not found");
    }
    long wid = Long.parseLong(m.group(1));
    Workspace ws = data.workspace(wid).orElse(null);
    if (ws == null || !caller.belongsTo(wid)) {
      return Answer.error(403, "Workspace not found/accessible");
    }
    JsonNode request;
    LocalDate first;
    LocalDate last;
    try {
      request = SimulatorJson.MAPPER.readTree(body);
      first = LocalDate.parse(request.path("start_date").asText());
      last = LocalDate.parse(request.path("end_date").asText());
    } catch (IOException | DateTimeParseException e) {
      return Answer.error(400, "Invalid 'start_date' or 'end_date' value");
    }
    if (last.isBefore(first)) {
      return Answer.error(400, "end_date must not be earlier than start_date");
    }
    if (ChronoUnit.DAYS.between(first, last) >= LONGEST_SPAN_DAYS) {
      return Answer.error(400, "The maximum date range is one year");
    }
    Set<Long> users = ids(request.get("user_ids"));
    boolean personal = users.size() == 1 && users.contains(caller.id());
    if (!personal && !ws.premium()) {
      return Answer.error(402, "Workspace needs to have this feature enabled");
    }
    if (!personal && !caller.admin() && ws.onlyAdminsSeeTeamDashboard()) {
      return Answer.error(
          403, "Only workspace admins can see other users' time entries in reports");
    }
    ReportFilter filter = new ReportFilter(data, wid, first, last, request, zone(caller));
    List<Entry> matching = filter.matching();
    return m.group(2).equals("search")
        ? search(ws, matching, request)
        : new ReportSummary(data, ws).answer(matching, request);
  }

  private ZoneId zone(Member caller) {
    return ZoneId.of(caller.user().timezone());
  }

  private Answer search(Workspace ws, List<Entry> entries, JsonNode request) {
    int max = options.reportsPageSize();
    int asked = request.path("page_size").asInt(Math.min(50, max));
    if (asked > max && options.oversizedPage() == OversizedPage.REFUSE) {
      return Answer.error(400, "Invalid 'page_size' value, allowed values are: '1-" + max + "'");
    }
    boolean grouped = request.path("grouped").asBoolean(false);
    Map<List<Object>, List<Entry>> rows = new LinkedHashMap<>();
    for (Entry e : entries) {
      List<Object> key =
          grouped
              ? List.of(
                  e.userId(),
                  Objects.toString(e.projectId()),
                  Objects.toString(e.taskId()),
                  e.description(),
                  e.tagIds().stream().sorted().toList(),
                  e.billable())
              : List.of(e.id());
      rows.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
    }
    List<List<Entry>> all = new ArrayList<>(rows.values());
    if (request.path("order_dir").asText("ASC").equalsIgnoreCase("DESC")) {
      java.util.Collections.reverse(all); // newest first
    }
    int size = Math.min(max, Math.max(1, asked));
    int firstRow = Math.max(1, request.path("first_row_number").asInt(1));
    int from = Math.min(all.size(), firstRow - 1);
    int to = Math.min(all.size(), from + size);
    ArrayNode page = SimulatorJson.MAPPER.createArrayNode();
    for (int i = from; i < to; i++) {
      page.add(row(ws, i + 1, all.get(i)));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    if (to < all.size()) {
      headers.put("X-Next-Row-Number", Integer.toString(to + 1));
      headers.put("X-Next-ID", Long.toString(all.get(to).get(0).id()));
    }
    return new Answer(200, page.toString(), headers);
  }

  private ObjectNode row(Workspace ws, int number, List<Entry> group) {
    Entry head = group.get(0);
    ObjectNode row = SimulatorJson.MAPPER.createObjectNode();
    row.put("row_number", number);
    row.put("user_id", head.userId());
    row.put("username", data.member(head.userId()).map(m -> m.user().fullname()).orElse(""));
    row.put("project_id", head.projectId());
    row.put("task_id", head.taskId());
    row.put("description", head.description());
    ArrayNode tagIds = row.putArray("tag_ids");
    head.tagIds().forEach(tagIds::add);
    row.put("billable", head.billable());
    Rates.Rate rate = Rates.of(data, ws, head);
    long seconds = group.stream().mapToLong(Entry::duration).sum();
    if (rate == null || !head.billable()) {
      row.putNull("hourly_rate_in_cents");
      row.putNull("billable_amount_in_cents");
    } else {
      row.put("hourly_rate_in_cents", rate.cents());
      row.put("billable_amount_in_cents", rate.amountInCents(seconds));
    }
    row.put("currency", rate == null ? ws.defaultCurrency() : rate.currency());
    ArrayNode items = row.putArray("time_entries");
    for (Entry e : group) {
      ObjectNode item = items.addObject();
      item.put("id", e.id());
      item.put("seconds", e.duration());
      item.put("start", SimulatorJson.time(e.start()));
      item.put("stop", SimulatorJson.time(e.stop()));
      item.put("at", SimulatorJson.time(e.at()));
    }
    return row;
  }

  static Set<@Nullable Long> ids(@Nullable JsonNode node) {
    Set<@Nullable Long> ids = new HashSet<>();
    if (node != null && node.isArray()) {
      node.forEach(n -> ids.add(n.isNull() ? null : n.asLong()));
    }
    return Collections.unmodifiableSet(ids);
  }
}
