package dev.toggltrackmcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toggltrackmcp.sandbox.World.Entry;
import dev.toggltrackmcp.sandbox.World.Project;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The entries a Reports request selects: finished entries of the workspace whose local start day
 * lies in the range, narrowed by {@code user_ids}, {@code project_ids}, {@code client_ids}, {@code
 * task_ids}, {@code tag_ids} ({@code [null]} in any of them selects entries without one), {@code
 * description} (contains, ignoring case), {@code billable} and {@code min_}/{@code
 * max_duration_seconds}. Oldest first, as Reports orders by date.
 */
final class ReportFilter {
  private final Dataset data;
  private final long workspaceId;
  private final LocalDate first;
  private final LocalDate last;
  private final ZoneId zone;
  private final Set<@Nullable Long> users;
  private final Set<@Nullable Long> projects;
  private final Set<@Nullable Long> clients;
  private final Set<@Nullable Long> tasks;
  private final Set<@Nullable Long> tags;
  private final String description;
  private final @Nullable Boolean billable;
  private final long minSeconds;
  private final long maxSeconds;

  ReportFilter(
      Dataset data,
      long workspaceId,
      LocalDate first,
      LocalDate last,
      JsonNode request,
      ZoneId zone) {
    this.data = data;
    this.workspaceId = workspaceId;
    this.first = first;
    this.last = last;
    this.zone = zone;
    this.users = SimulatedReports.ids(request.get("user_ids"));
    this.projects = SimulatedReports.ids(request.get("project_ids"));
    this.clients = SimulatedReports.ids(request.get("client_ids"));
    this.tasks = SimulatedReports.ids(request.get("task_ids"));
    this.tags = SimulatedReports.ids(request.get("tag_ids"));
    this.description = request.path("description").asText("").toLowerCase(Locale.ROOT);
    this.billable = request.hasNonNull("billable") ? request.get("billable").asBoolean() : null;
    this.minSeconds = request.path("min_duration_seconds").asLong(0);
    this.maxSeconds = request.path("max_duration_seconds").asLong(Long.MAX_VALUE);
  }

  List<Entry> matching() {
    List<Entry> result = new ArrayList<>();
    for (Entry e : data.teamEntries()) {
      if (e.workspaceId() == workspaceId && !e.running() && inRange(e) && selected(e)) {
        result.add(e);
      }
    }
    Collections.reverse(result);
    return result;
  }

  private boolean inRange(Entry e) {
    LocalDate day = LocalDate.ofInstant(e.start(), zone);
    return !day.isBefore(first) && !day.isAfter(last);
  }

  private boolean selected(Entry e) {
    Long client =
        e.projectId() == null
            ? null
            : data.project(e.projectId()).map(Project::clientId).orElse(null);
    return matches(users, e.userId())
        && matches(projects, e.projectId())
        && matches(clients, client)
        && matches(tasks, e.taskId())
        && (tags.isEmpty()
            || (tags.contains(null) && e.tagIds().isEmpty())
            || e.tagIds().stream().anyMatch(tags::contains))
        && (description.isEmpty() || e.description().toLowerCase(Locale.ROOT).contains(description))
        && (billable == null || billable == e.billable())
        && e.duration() >= minSeconds
        && e.duration() <= maxSeconds;
  }

  private static boolean matches(Set<@Nullable Long> wanted, @Nullable Long id) {
    return wanted.isEmpty() || wanted.contains(id);
  }
}
