package dev.toggltrackmcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.config.Secret;
import dev.toggltrackmcp.config.Settings;
import dev.toggltrackmcp.sandbox.SimulatorOptions;
import dev.toggltrackmcp.sandbox.World;
import dev.toggltrackmcp.testing.McpClients;
import dev.toggltrackmcp.testing.ServerProcess;
import dev.toggltrackmcp.testing.SimulatedWorld;
import dev.toggltrackmcp.transport.HttpServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Who may see what, and what it costs, over both transports: a server connected with a member's own
 * token (over HTTP in-process; over stdio as a child process running {@code stdio} against this
 * simulator), counted by the simulator's request log.
 */
@Timeout(120)
class TeamAccessTest {
  enum Transport {
    HTTP,
    STDIO
  }

  private SimulatedWorld world;
  private McpSyncClient client;
  private HttpServer http;

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.closeGracefully();
    }
    if (http != null) {
      http.close();
    }
    world.close();
  }

  /** A server for {@code token}: the stdio child runs on the real clock, so no burst limit. */
  private void connect(Transport transport, String memberName) throws Exception {
    world =
        new SimulatedWorld(SimulatorOptions.defaults().withBurstLimit(transport == Transport.HTTP));
    String token = member(memberName).token();
    if (transport == Transport.HTTP) {
      http =
          world.serveHttp(
              Settings.forToken(Secret.of(token), world.simulator.baseUrl()).onLoopbackFreePort());
      client = McpClients.overHttp(http.port()).build();
    } else {
      ServerParameters params =
          ServerProcess.parameters(List.of("stdio"))
              .addEnvVar("TOGGL_API_TOKEN", token)
              .addEnvVar("TOGGL_API_BASE_URL", world.simulator.baseUrl().toString())
              .addEnvVar("TOGGL_CACHE_DIR", "off")
              .build();
      client =
          McpClient.sync(
                  new StdioClientTransport(
                      params,
                      new JacksonMcpJsonMapper(new com.fasterxml.jackson.databind.ObjectMapper())))
              .requestTimeout(Duration.ofSeconds(60))
              .build();
    }
    client.initialize();
  }

  private World.Member member(String name) {
    return world.data().members().stream()
        .filter(m -> m.user().fullname().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private CallToolResult call(String tool, Map<String, Object> args) {
    return client.callTool(new McpSchema.CallToolRequest(tool, args));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aMemberWhoIsNotAnAdminGetsOneSentenceForOthersAndTheirOwnTime(Transport transport)
      throws Exception {
    connect(transport, "Jonas Weber");
    CallToolResult others =
        call("get_team_summary", Map.of("start_date", "2026-10-01", "end_date", "2026-10-31"));
    assertThat(others.isError()).isTrue();
    assertThat(ToolsEndToEndTest.text(others))
        .isEqualTo(
            "Only workspace admins can see other people's time in Lima Consulting; ask an admin,"
                + " or use get_time_summary for your own time (or pass your own user in users).");

    World.Member jonas = member("Jonas Weber");
    Map<String, Object> own =
        ToolsEndToEndTest.data(
            call(
                "get_team_time_entries",
                Map.of(
                    "start_date",
                    "2026-10-01",
                    "end_date",
                    "2026-10-31",
                    "users",
                    List.of("Jonas Weber"),
                    "limit",
                    1000)));
    List<World.Entry> want =
        world.data().entriesOf(jonas.id()).stream()
            .filter(e -> !e.running() && e.workspaceId() == 7654321L)
            .filter(
                e -> {
                  LocalDate d = LocalDate.ofInstant(e.start(), Expected.BERLIN);
                  return !d.isBefore(LocalDate.of(2026, 10, 1))
                      && !d.isAfter(LocalDate.of(2026, 10, 31));
                })
            .toList();
    assertThat(want).hasSizeGreaterThan(50);
    assertThat(((Number) own.get("total")).longValue()).isEqualTo(want.size());
    assertThat(((Number) own.get("total_seconds")).longValue())
        .isEqualTo(want.stream().mapToLong(World.Entry::duration).sum());

    Map<String, Object> members = ToolsEndToEndTest.data(call("list_workspace_users", Map.of()));
    assertThat(members).containsEntry("you_are_admin", false).containsKey("limited");
    assertThat(members.get("members").toString()).doesNotContain("@limaconsulting.example");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void theSameTeamQuestionsAskedAgainCostNoRequest(Transport transport) throws Exception {
    connect(transport, "Ana Lima");
    List<Map<String, Object>> questions =
        List.of(
            Map.of("start_date", "2026-10-01", "end_date", "2026-10-31"),
            Map.of(
                "start_date", "2026-10-01", "end_date", "2026-10-31", "group_by", List.of("day")));
    Map<String, Object> entries =
        Map.of("start_date", "2026-11-16", "end_date", "2026-11-22", "users", List.of("Zoë Ñúñez"));
    int before = world.requests();
    questions.forEach(q -> ToolsEndToEndTest.data(call("get_team_summary", q)));
    ToolsEndToEndTest.data(call("get_team_time_entries", entries));
    ToolsEndToEndTest.data(call("list_workspace_users", Map.of()));
    int cold = world.requests() - before;
    assertThat(cold).isGreaterThan(3);
    int warm = world.requests();
    questions.forEach(q -> ToolsEndToEndTest.data(call("get_team_summary", q)));
    ToolsEndToEndTest.data(call("get_team_time_entries", entries));
    ToolsEndToEndTest.data(call("list_workspace_users", Map.of()));
    assertThat(world.requests() - warm).as("the second time, from the cache").isZero();
  }
}
