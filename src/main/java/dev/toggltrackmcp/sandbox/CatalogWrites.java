package dev.toggltrackmcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toggltrackmcp.sandbox.World.Client;
import dev.toggltrackmcp.sandbox.World.Member;
import dev.toggltrackmcp.sandbox.World.Project;
import dev.toggltrackmcp.sandbox.World.Tag;
import dev.toggltrackmcp.sandbox.World.Workspace;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code POST /workspaces/{wid}/tags|clients|projects} (toggl-api.md §5). Chosen where Toggl's rule
 * is unverified: a tag answers as one object (the spec types it as a list); clients, like projects,
 * may only be created by admins where {@code only_admins_may_create_projects}; a client name is at
 * most 100 characters; paid project fields on a Free workspace answer 402.
 */
final class CatalogWrites {
  static final int LONGEST_CLIENT_NAME = 100;
  private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
  private static final List<String> PAID_PROJECT_FIELDS =
      List.of("rate", "currency", "estimated_hours", "template", "recurring", "fixed_fee");

  private final Dataset data;
  private final Clock clock;

  CatalogWrites(Dataset data, Clock clock) {
    this.data = data;
    this.clock = clock;
  }

  Answer tag(Member caller, Workspace ws, JsonNode body) {
    if (ws.onlyAdminsMayCreateTags() && !caller.admin()) {
      throw new WriteRefused(403, "Only admins may create tags in this workspace");
    }
    String name = name(body, "Tag name must not be empty");
    boolean taken =
        data.tags().stream()
            .anyMatch(t -> t.workspaceId() == ws.id() && t.name().equalsIgnoreCase(name));
    if (taken) {
      throw WriteRefused.badRequest("a tag with the name '" + name + "' already exists");
    }
    Tag tag = new Tag(data.newCatalogId(), ws.id(), name, caller.id(), now());
    data.put(tag);
    return Answer.stored(SimulatorJson.tag(tag));
  }

  Answer client(Member caller, Workspace ws, JsonNode body) {
    if (ws.onlyAdminsMayCreateProjects() && !caller.admin()) {
      throw new WriteRefused(403, "User cannot add or edit clients in workspace");
    }
    String name = name(body, "Client name must not be empty");
    if (name.length() > LONGEST_CLIENT_NAME) {
      throw WriteRefused.badRequest(
          "Client name must be at most " + LONGEST_CLIENT_NAME + " characters");
    }
    boolean taken =
        data.clients().stream()
            .anyMatch(c -> c.workspaceId() == ws.id() && c.name().equalsIgnoreCase(name));
    if (taken) {
      throw WriteRefused.badRequest("Client name already exists");
    }
    String notes = body.hasNonNull("notes") ? body.get("notes").asText() : null;
    Client client =
        new Client(data.newCatalogId(), ws.id(), name, false, notes, caller.id(), now());
    data.put(client);
    return Answer.stored(SimulatorJson.client(client));
  }

  Answer project(Member caller, Workspace ws, JsonNode body) {
    if (ws.onlyAdminsMayCreateProjects() && !caller.admin()) {
      throw new WriteRefused(403, "Only admins may create projects in this workspace");
    }
    String name = name(body, "Project name must not be empty");
    boolean taken =
        data.projects().stream()
            .anyMatch(p -> p.workspaceId() == ws.id() && p.name().equalsIgnoreCase(name));
    if (taken) {
      throw WriteRefused.badRequest("Project name already exists");
    }
    String color = body.hasNonNull("color") ? body.get("color").asText() : "#0b83d9";
    if (!COLOR.matcher(color).matches()) {
      throw WriteRefused.badRequest(
          "Invalid project color '" + color + "': use # and six hex digits, e.g. #2da608");
    }
    Long clientId = null;
    if (body.hasNonNull("client_id")) {
      long id = body.get("client_id").asLong();
      Client client =
          data.client(id).orElseThrow(() -> WriteRefused.badRequest("Client " + id + " not found"));
      if (client.workspaceId() != ws.id()) {
        throw WriteRefused.badRequest("client is in another workspace");
      }
      clientId = id;
    }
    boolean paid =
        (body.path("billable").asBoolean(false))
            || PAID_PROJECT_FIELDS.stream().anyMatch(body::hasNonNull);
    if (paid && !ws.premium()) {
      throw new WriteRefused(402, "Workspace needs to have this feature enabled");
    }
    BigDecimal rate = body.hasNonNull("rate") ? body.get("rate").decimalValue() : null;
    String currency = body.hasNonNull("currency") ? body.get("currency").asText() : null;
    Project project =
        new Project(
            data.newCatalogId(),
            ws.id(),
            clientId,
            name,
            body.path("active").asBoolean(true),
            body.path("billable").asBoolean(ws.premium()),
            rate,
            currency,
            color,
            body.path("is_private").asBoolean(true),
            now());
    data.put(project);
    return Answer.stored(SimulatorJson.project(project));
  }

  private static String name(JsonNode body, String emptyMessage) {
    JsonNode n = body.get("name");
    if (n == null || !n.isTextual() || n.asText().isBlank()) {
      throw WriteRefused.badRequest(emptyMessage);
    }
    return n.asText().strip();
  }

  private Instant now() {
    return clock.instant();
  }
}
