package dev.toggltrackmcp.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toggltrackmcp.sandbox.World.Client;
import dev.toggltrackmcp.sandbox.World.Constraints;
import dev.toggltrackmcp.sandbox.World.Entry;
import dev.toggltrackmcp.sandbox.World.Member;
import dev.toggltrackmcp.sandbox.World.Project;
import dev.toggltrackmcp.sandbox.World.Tag;
import dev.toggltrackmcp.sandbox.World.Task;
import dev.toggltrackmcp.sandbox.World.User;
import dev.toggltrackmcp.sandbox.World.Workspace;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Writes the world in Toggl's JSON shapes, secrets and legacy aliases included, as Toggl does. */
final class SimulatorJson {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final DateTimeFormatter LIST_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter WRITE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  /** How an entry is written: lists and reads, or the answer to a write (toggl-api.md §3). */
  enum Style {
    /** {@code +00:00} offsets, empty tag lists as {@code []}. */
    READ,
    /** {@code Z} offsets, empty tag lists as {@code null}. */
    WRITE
  }

  private SimulatorJson() {}

  static String time(@Nullable Instant t) {
    return t == null ? null : LIST_TIME.format(t);
  }

  /** {@code at} carries microseconds on the real API. */
  static String preciseTime(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t.plusNanos(123_000));
  }

  static ObjectNode user(User u, String token) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", u.id());
    n.put("api_token", token);
    n.put("email", u.email());
    n.put("fullname", u.fullname());
    n.put("timezone", u.timezone());
    n.put("default_workspace_id", u.defaultWorkspaceId());
    n.put("beginning_of_week", u.beginningOfWeek());
    n.put("image_url", "https://assets.example.com/avatar.png");
    n.put("created_at", preciseTime(u.createdAt()));
    n.put("at", preciseTime(u.createdAt()));
    n.put("intercom_hash", "0f1e2d3c4b5a69788796a5b4c3d2e1f0");
    n.putNull("country_id");
    return n;
  }

  /** A workspace as {@code viewer} sees it: {@code admin} and {@code role} are theirs. */
  static ObjectNode workspace(Workspace w, Member viewer) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", w.id());
    n.put("organization_id", w.organizationId());
    n.put("name", w.name());
    n.put("premium", w.premium());
    n.put("business_ws", false);
    n.put("admin", viewer.admin());
    n.put("role", viewer.role());
    n.put("default_hourly_rate", w.defaultHourlyRate());
    n.put("default_currency", w.defaultCurrency());
    n.put("rounding", 1);
    n.put("rounding_minutes", 0);
    n.put("only_admins_may_create_projects", w.onlyAdminsMayCreateProjects());
    n.put("only_admins_may_create_tags", w.onlyAdminsMayCreateTags());
    n.put("only_admins_see_team_dashboard", w.onlyAdminsSeeTeamDashboard());
    n.put("projects_billable_by_default", w.premium());
    n.set("te_constraints", constraints(w.constraints()));
    n.put("api_token", "ws-secret-" + w.id());
    n.put("ical_url", "/ical/workspace_user/secret" + w.id());
    return n;
  }

  /** Field names of the v9 spec's {@code models.TimeEntryConstraints}. */
  static ObjectNode constraints(Constraints c) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("description_present", c.descriptionPresent());
    n.put("project_present", c.projectPresent());
    n.put("tag_present", c.tagPresent());
    n.put("task_present", c.taskPresent());
    n.put("time_entry_constraints_enabled", c.enabled());
    return n;
  }

  /** One row of {@code GET /workspaces/{wid}/users}; the email only when {@code withEmail}. */
  static ObjectNode workspaceUser(Member m, boolean withEmail) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", m.id());
    n.put("email", withEmail ? m.user().email() : null);
    n.put("fullname", m.user().fullname());
    n.put("role", m.role());
    n.put("is_active", m.active());
    n.put("inactive", !m.active());
    n.put("is_admin", m.admin());
    return n;
  }

  static ObjectNode client(Client c) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", c.id());
    n.put("wid", c.workspaceId());
    n.put("archived", c.archived());
    n.put("name", c.name());
    n.put("notes", c.notes());
    n.put("at", time(c.at()));
    n.put("creator_id", c.creatorId());
    return n;
  }

  static ObjectNode project(Project p) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", p.id());
    n.put("workspace_id", p.workspaceId());
    n.put("wid", p.workspaceId());
    n.put("client_id", p.clientId());
    if (p.clientId() != null) {
      n.put("cid", p.clientId()); // Toggl's legacy alias appears only when set
    }
    n.put("name", p.name());
    n.put("is_private", p.isPrivate());
    n.put("active", p.active());
    n.put("status", p.active() ? "active" : "archived");
    n.put("color", p.color());
    n.put("billable", p.billable());
    n.put("rate", p.rate());
    n.put("currency", p.rate() == null ? null : p.currency());
    n.putNull("template");
    n.put("at", time(p.at()));
    n.putNull("server_deleted_at");
    return n;
  }

  static ObjectNode tag(Tag t) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", t.id());
    n.put("workspace_id", t.workspaceId());
    n.put("name", t.name());
    n.put("at", preciseTime(t.at()));
    n.put("creator_id", t.creatorId());
    return n;
  }

  static ObjectNode task(Task t) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", t.id());
    n.put("name", t.name());
    n.put("project_id", t.projectId());
    n.put("workspace_id", t.workspaceId());
    n.put("active", t.active());
    n.putNull("estimated_seconds");
    n.put("tracked_seconds", 0);
    return n;
  }

  static ObjectNode entry(Entry e, Dataset data) {
    return entry(e, data, false, Style.READ);
  }

  /** With {@code meta}, the names Toggl adds for {@code meta=true} (toggl-api.md §4.3). */
  static ObjectNode entry(Entry e, Dataset data, boolean meta, Style style) {
    DateTimeFormatter times = style == Style.WRITE ? WRITE_TIME : LIST_TIME;
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", e.id());
    n.put("workspace_id", e.workspaceId());
    n.put("wid", e.workspaceId());
    n.put("project_id", e.projectId());
    if (e.projectId() != null) {
      n.put("pid", e.projectId()); // Toggl's legacy alias appears only when set
    }
    n.put("task_id", e.taskId());
    if (e.taskId() != null) {
      n.put("tid", e.taskId());
    }
    n.put("billable", e.billable());
    n.put("start", times.format(e.start()));
    n.put("stop", e.stop() == null ? null : times.format(e.stop()));
    n.put("duration", e.duration());
    n.put("description", e.description());
    if (style == Style.WRITE && e.tagIds().isEmpty()) {
      n.putNull("tags");
      n.putNull("tag_ids");
    } else {
      ArrayNode tags = n.putArray("tags");
      ArrayNode ids = n.putArray("tag_ids");
      for (long id : e.tagIds()) {
        tags.add(data.tagName(id));
        ids.add(id);
      }
    }
    n.put("duronly", true);
    n.put("at", preciseTime(e.at()));
    n.put("server_deleted_at", e.deletedAt() == null ? null : preciseTime(e.deletedAt()));
    n.put("user_id", e.userId());
    n.put("uid", e.userId());
    if (meta) {
      addMeta(n, e, data);
    }
    return n;
  }

  private static void addMeta(ObjectNode n, Entry e, Dataset data) {
    Project p = e.projectId() == null ? null : data.project(e.projectId()).orElse(null);
    Client c = p == null || p.clientId() == null ? null : data.client(p.clientId()).orElse(null);
    n.put("client_name", c == null ? null : c.name());
    n.put("project_name", p == null ? null : p.name());
    n.put("project_color", p == null ? null : p.color());
    n.put("project_active", p == null ? null : p.active());
    n.put("project_billable", p == null ? null : p.billable());
    if (e.taskId() != null) {
      data.tasks().stream()
          .filter(t -> t.id() == e.taskId())
          .findFirst()
          .ifPresent(t -> n.put("task_name", t.name()));
    }
    data.member(e.userId()).ifPresent(m -> n.put("user_name", m.user().fullname()));
    n.put("user_avatar_url", "https://assets.example.com/avatar.png");
  }

  static ArrayNode array(List<? extends com.fasterxml.jackson.databind.JsonNode> nodes) {
    ArrayNode a = MAPPER.createArrayNode();
    a.addAll(nodes);
    return a;
  }
}
