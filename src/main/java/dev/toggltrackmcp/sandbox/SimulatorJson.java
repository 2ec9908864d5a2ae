package dev.toggltrackmcp.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toggltrackmcp.sandbox.World.Client;
import dev.toggltrackmcp.sandbox.World.Entry;
import dev.toggltrackmcp.sandbox.World.Project;
import dev.toggltrackmcp.sandbox.World.Tag;
import dev.toggltrackmcp.sandbox.World.Task;
import dev.toggltrackmcp.sandbox.World.User;
import dev.toggltrackmcp.sandbox.World.Workspace;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** Writes the world in Toggl's JSON shapes, secrets and legacy aliases included, as Toggl does. */
final class SimulatorJson {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final DateTimeFormatter LIST_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

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

  static ObjectNode workspace(Workspace w) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", w.id());
    n.put("organization_id", w.organizationId());
    n.put("name", w.name());
    n.put("premium", w.premium());
    n.put("business_ws", false);
    n.put("admin", true);
    n.put("role", "admin");
    n.put("default_hourly_rate", w.defaultHourlyRate());
    n.put("default_currency", w.defaultCurrency());
    n.put("rounding", 1);
    n.put("rounding_minutes", 0);
    n.put("projects_billable_by_default", true);
    n.put("api_token", "ws-secret-" + w.id());
    n.put("ical_url", "/ical/workspace_user/secret" + w.id());
    return n;
  }

  static ObjectNode client(Client c) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", c.id());
    n.put("wid", c.workspaceId());
    n.put("archived", c.archived());
    n.put("name", c.name());
    n.put("at", "2025-03-17T10:55:38+00:00");
    n.put("creator_id", 9_123_456L);
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
    n.put("is_private", false);
    n.put("active", p.active());
    n.put("status", p.active() ? "active" : "archived");
    n.put("color", "#2da608");
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
    n.put("at", "2025-11-08T19:11:14.33Z");
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
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", e.id());
    n.put("workspace_id", e.workspaceId());
    n.put("wid", e.workspaceId());
    n.put("project_id", e.projectId());
    if (e.projectId() != null) {
      n.put("pid", e.projectId()); // Toggl's legacy alias appears only when set
    }
    n.put("task_id", e.taskId());
    n.put("billable", e.billable());
    n.put("start", time(e.start()));
    n.put("stop", time(e.stop()));
    n.put("duration", e.duration());
    n.put("description", e.description());
    ArrayNode tags = n.putArray("tags");
    ArrayNode ids = n.putArray("tag_ids");
    for (long id : e.tagIds()) {
      tags.add(data.tagName(id));
      ids.add(id);
    }
    n.put("duronly", true);
    n.put("at", preciseTime(e.at()));
    n.put("server_deleted_at", e.deletedAt() == null ? null : preciseTime(e.deletedAt()));
    n.put("user_id", data.user().id());
    n.put("uid", data.user().id());
    return n;
  }
}
