package dev.toggltrackmcp.sandbox;

import static dev.toggltrackmcp.sandbox.RawHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.sandbox.World.Member;
import dev.toggltrackmcp.testing.SimulatedWorld;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Creating tags, clients and projects, with Toggl's 400/402/403 refusals. */
@Timeout(60)
class SimulatorCatalogWritesTest {
  private final SimulatedWorld world = new SimulatedWorld();
  private final RawHttp http = new RawHttp(world);

  @AfterEach
  void stop() {
    world.close();
  }

  private Member jonas() {
    return world.data().members().stream()
        .filter(m -> m.user().fullname().equals("Jonas Weber"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void anAdminCreatesATagClientAndProjectThatAppearInTheLists() {
    HttpResponse<String> tag = http.post("/api/v9/workspaces/7654321/tags", "{\"name\":\"q1\"}");
    assertThat(tag.statusCode()).isEqualTo(200);
    assertThat(json(tag).get("name").asText()).isEqualTo("q1");
    HttpResponse<String> client =
        http.post("/api/v9/workspaces/7654321/clients", "{\"name\":\"Umbrella\",\"notes\":null}");
    long clientId = json(client).get("id").asLong();
    HttpResponse<String> project =
        http.post(
            "/api/v9/workspaces/7654321/projects",
            "{\"name\":\"Umbrella Audit\",\"client_id\":" + clientId + ",\"color\":\"#2da608\"}");
    assertThat(project.statusCode()).as(project.body()).isEqualTo(200);
    assertThat(json(project).get("is_private").asBoolean()).isTrue();
    assertThat(json(project).get("at").asText()).isNotBlank();
    assertThat(http.get("/api/v9/workspaces/7654321/tags").body()).contains("\"q1\"");
    assertThat(world.data().projects()).hasSize(236);
    assertThat(world.data().clients()).anyMatch(c -> c.name().equals("Umbrella"));
    assertThat(world.simulator.requests().storedByEndpoint())
        .containsEntry("POST /api/v9/workspaces/{id}/tags", 1)
        .containsEntry("POST /api/v9/workspaces/{id}/clients", 1)
        .containsEntry("POST /api/v9/workspaces/{id}/projects", 1);
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "tags|{\"name\":\"Meeting\"}|400|a tag with the name 'Meeting' already exists",
        "tags|{\"name\":\"  \"}|400|must not be empty",
        "clients|{\"name\":\"\"}|400|Client name must not be empty",
        "clients|{\"name\":\"Globex\"}|400|Client name already exists",
        "projects|{\"name\":\"Website Redesign\"}|400|Project name already exists",
        "projects|{\"name\":\"New\",\"color\":\"green\"}|400|Invalid project color",
        "projects|{\"name\":\"New\",\"color\":\"#12345\"}|400|Invalid project color",
        "projects|{\"name\":\"New\",\"client_id\":65432200}|400|client is in another workspace",
        "projects|{\"name\":\"\"}|400|Project name must not be empty"
      })
  void refusals(String what, String body, int status, String message) {
    int projects = world.data().projects().size();
    HttpResponse<String> r = http.post("/api/v9/workspaces/7654321/" + what, body);
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.body()).contains(message);
    assertThat(world.data().projects()).hasSize(projects);
    assertThat(world.simulator.requests().storedByEndpoint()).isEmpty();
  }

  @Test
  void aClientNameOfMoreThanAHundredCharactersIsRefused() {
    HttpResponse<String> r =
        http.post("/api/v9/workspaces/7654321/clients", "{\"name\":\"" + "x".repeat(101) + "\"}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("at most 100");
  }

  @Test
  void aMemberWhoIsNotAnAdminMayNotCreateProjectsTagsOrClientsInTheMainWorkspace() {
    String token = jonas().token();
    HttpResponse<String> project =
        http.send("POST", "/api/v9/workspaces/7654321/projects", token, "{\"name\":\"Mine\"}");
    assertThat(project.statusCode()).isEqualTo(403);
    assertThat(project.body()).contains("Only admins may create projects in this workspace");
    assertThat(
            http.send("POST", "/api/v9/workspaces/7654321/tags", token, "{\"name\":\"x\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            http.send("POST", "/api/v9/workspaces/7654321/clients", token, "{\"name\":\"x\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            http.send("POST", "/api/v9/workspaces/7654322/tags", token, "{\"name\":\"x\"}")
                .statusCode())
        .as("not a member of Northwind at all")
        .isEqualTo(403);
  }

  @Test
  void paidProjectFieldsOnTheFreeWorkspaceAnswer402() {
    HttpResponse<String> r =
        http.post("/api/v9/workspaces/7654323/projects", "{\"name\":\"Paid\",\"billable\":true}");
    assertThat(r.statusCode()).isEqualTo(402);
    assertThat(r.body()).contains("Workspace needs to have this feature enabled");
    HttpResponse<String> free =
        http.post("/api/v9/workspaces/7654323/projects", "{\"name\":\"Newsletter\"}");
    assertThat(free.statusCode()).isEqualTo(200);
    assertThat(json(free).get("billable").asBoolean()).isFalse();
  }
}
