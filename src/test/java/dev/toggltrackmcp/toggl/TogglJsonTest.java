package dev.toggltrackmcp.toggl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.toggl.model.Client;
import dev.toggltrackmcp.toggl.model.Project;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import dev.toggltrackmcp.toggl.model.User;
import dev.toggltrackmcp.toggl.model.Workspace;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TogglJsonTest {

  private static <T> T parse(String json, Class<T> type) throws Exception {
    return TogglJson.mapper().readValue(json, type);
  }

  @Test
  void readsAFinishedEntryWithBigIdsAndIgnoresUnknownFields() throws Exception {
    TimeEntry e =
        parse(
            """
            {"id":4123456789,"workspace_id":7654321,"project_id":201234567,"task_id":null,
             "billable":true,"start":"2025-01-09T14:00:00+00:00","stop":"2025-01-09T15:02:10Z",
             "duration":3730,"description":"Client call","tags":["meeting"],"tag_ids":[18765432],
             "duronly":true,"at":"2025-01-09T15:02:11.402113Z","server_deleted_at":null,
             "user_id":9123456,"uid":9123456,"wid":7654321,"pid":201234567,"shiny_new_field":{}}
            """,
            TimeEntry.class);
    assertThat(e.id()).isEqualTo(4_123_456_789L);
    assertThat(e.projectId()).isEqualTo(201_234_567L);
    assertThat(e.start()).isEqualTo(Instant.parse("2025-01-09T14:00:00Z"));
    assertThat(e.stop()).isEqualTo(Instant.parse("2025-01-09T15:02:10Z"));
    assertThat(e.at()).isEqualTo(Instant.parse("2025-01-09T15:02:11.402113Z"));
    assertThat(e.tags()).containsExactly("meeting");
    assertThat(e.isRunning()).isFalse();
    assertThat(e.seconds(Instant.EPOCH)).isEqualTo(3730);
  }

  @Test
  void readsRunningDeletedAndBareEntries() throws Exception {
    TimeEntry running =
        parse(
            """
            {"id":5000000001,"workspace_id":1,"start":"2026-11-25T08:13:00+00:00","stop":null,
             "duration":-1764058380,"description":null,"tags":null,"tag_ids":null}
            """,
            TimeEntry.class);
    assertThat(running.isRunning()).isTrue();
    assertThat(running.description()).isEmpty();
    assertThat(running.tags()).isEmpty();
    assertThat(running.projectId()).isNull();
    assertThat(running.seconds(Instant.parse("2026-11-25T09:00:00Z"))).isEqualTo(47 * 60);

    TimeEntry deleted =
        parse(
            """
            {"id":5000000002,"workspace_id":1,"start":"2026-11-20T08:00:00Z",
             "stop":"2026-11-20T09:00:00Z","duration":3600,"tags":[],
             "server_deleted_at":"2026-11-21T10:00:00.123Z"}
            """,
            TimeEntry.class);
    assertThat(deleted.isDeleted()).isTrue();
  }

  @Test
  void readsUserWorkspaceProjectAndClientAndDropsSecrets() throws Exception {
    User user =
        parse(
            """
            {"id":9123456,"api_token":"SECRET","intercom_hash":"h","email":"ana@example.com",
             "fullname":"Ana","timezone":"Europe/Lisbon","default_workspace_id":7654321,
             "beginning_of_week":1,"created_at":"2019-03-02T10:11:12.123456Z"}
            """,
            User.class);
    assertThat(user.timezone()).isEqualTo("Europe/Lisbon");
    assertThat(user.defaultWorkspaceId()).isEqualTo(7_654_321L);
    assertThat(user.toString()).doesNotContain("SECRET");

    Workspace ws =
        parse(
            """
            {"id":7654321,"organization_id":6543210,"name":"Main","premium":true,
             "default_hourly_rate":85.5,"default_currency":"EUR","rounding":1,
             "rounding_minutes":15,"api_token":"WSSECRET","ical_url":"/ical/x"}
            """,
            Workspace.class);
    assertThat(ws.defaultHourlyRate()).isEqualByComparingTo(new BigDecimal("85.5"));
    assertThat(ws.toString()).doesNotContain("WSSECRET").doesNotContain("ical");

    Project p =
        parse(
            """
            {"id":201234567,"workspace_id":7654321,"client_id":65432109,"name":"Website",
             "is_private":false,"active":false,"status":"archived","billable":true,"rate":null,
             "template":null,"actual_seconds":403377}
            """,
            Project.class);
    assertThat(p.isArchived()).isTrue();
    assertThat(p.clientId()).isEqualTo(65_432_109L);

    Client c =
        parse(
            """
            {"id":65432109,"wid":7654321,"archived":false,"name":"Müller & Söhne GmbH"}
            """,
            Client.class);
    assertThat(c.workspaceId()).isEqualTo(7_654_321L);
    assertThat(c.name()).isEqualTo("Müller & Söhne GmbH");
  }
}
