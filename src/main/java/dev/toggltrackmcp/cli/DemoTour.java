package dev.toggltrackmcp.cli;

import dev.toggltrackmcp.config.Settings;
import dev.toggltrackmcp.sandbox.TogglSimulator;
import dev.toggltrackmcp.transport.HttpServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * The guided tour: a day's worth of questions, each sent by the SDK's MCP client over HTTP to the
 * real server, answered from the simulated Toggl.
 */
final class DemoTour {
  private static final int SHOWN_LINES = 14;

  private record Question(String asked, String tool, Map<String, Object> arguments) {}

  private static final List<Question> QUESTIONS =
      List.of(
          new Question("Who am I in Toggl?", "get_current_user", ordered()),
          new Question("What am I tracking right now?", "get_current_time_entry", ordered()),
          new Question("What did I do today?", "list_time_entries", ordered("period", "today")),
          new Question(
              "How did last week split across projects?",
              "get_time_summary",
              ordered("period", "last_week", "group_by", List.of("project"))),
          new Question(
              "One day last week looks long. Is last week's timesheet right?",
              "check_timesheet",
              ordered("period", "last_week")),
          new Question(
              "Billable hours this month, by client?",
              "get_time_summary",
              ordered("period", "this_month", "billable", true, "group_by", List.of("client"))),
          new Question(
              "Find my meetings this quarter.",
              "search_time_entries",
              ordered("query", "meeting", "period", "this_quarter", "limit", 5)),
          new Question("Which clients do I have?", "list_clients", ordered()),
          new Question(
              "Which projects are about the website?",
              "list_projects",
              ordered("query", "website")),
          new Question(
              "Development work last week?",
              "list_time_entries",
              ordered("period", "last_week", "tags", List.of("development"), "limit", 5)),
          new Question(
              "My average daily time this month?",
              "get_time_summary",
              ordered("period", "this_month", "group_by", List.of("day"))),
          new Question(
              "How much did Müller & Söhne get last quarter?",
              "get_time_summary",
              ordered(
                  "period", "last_quarter",
                  "client", "Müller & Söhne GmbH",
                  "group_by", List.of("project"))),
          new Question(
              "How did last year go, month by month? (beyond Toggl's 90 days)",
              "get_time_summary",
              ordered("period", "last_year", "group_by", List.of("month"))),
          new Question(
              "Who on the team logged time on Acme last week, billable vs not?",
              "get_team_summary",
              ordered(
                  "period", "last_week",
                  "client", "Acme Corp (Lima Consulting)",
                  "group_by", List.of("user"))));

  /** Arguments in the order written, so the tour's "→ tool {...}" lines read the same each run. */
  static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> arguments = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      arguments.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(arguments);
  }

  private final PrintStream out;
  private final TogglSimulator simulator;
  private final String simulatedTime;
  private final @Nullable ZoneId writesIn;
  private final List<McpSchema.ProgressNotification> heard = new CopyOnWriteArrayList<>();
  private int asked;
  private int failures;

  /**
   * @param writesIn the user's timezone when the tour ends with the write segment ({@code demo
   *     --write}); null: reads only
   */
  DemoTour(
      PrintStream out, TogglSimulator simulator, String simulatedTime, @Nullable ZoneId writesIn) {
    this.out = out;
    this.simulator = simulator;
    this.simulatedTime = simulatedTime;
    this.writesIn = writesIn;
  }

  int run(ServerAssembly server, Settings settings) throws Exception {
    Settings local = settings.onLoopbackFreePort();
    try (HttpServer http =
        HttpServer.start(server.tools(), local, Version.current(), server::health)) {
      HttpClientStreamableHttpTransport.Builder transport =
          HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + http.port())
              .endpoint("/mcp");
      // with MCP_API_KEY set the tour's own server asks for it, like any other
      local
          .apiKey()
          .ifPresent(
              key ->
                  transport.httpRequestCustomizer(
                      (b, method, uri, body, context) ->
                          b.header("Authorization", "Bearer " + key.reveal())));
      McpSyncClient client =
          McpClient.sync(transport.build())
              .requestTimeout(Duration.ofMinutes(2))
              .progressConsumer(heard::add)
              .clientInfo(new McpSchema.Implementation("demo-tour", Version.current()))
              .build();
      try {
        client.initialize();
        int tools = client.listTools().tools().size();
        out.println(
            "toggl-track-mcp " + Version.current() + " — guided tour against a simulated Toggl");
        out.println(
            "(a consultant's account: 3 workspaces, 235 projects, 400 days of history; "
                + tools
                + " tools; every answer below went through a real MCP client over HTTP;"
                + " simulated time "
                + simulatedTime
                + ")");
        for (Question q : QUESTIONS) {
          ask(client, q.asked(), q.tool(), q.arguments(), false);
        }
        out.println();
        int reports = count("/reports/") - count("/summary/");
        int team = count("/summary/") + count("/users");
        int rules = count("/time_entry_constraints");
        out.println(
            "Toggl API requests for all "
                + asked
                + " questions: "
                + simulator.requests().count()
                + " — "
                + (simulator.requests().count() - reports - team - rules)
                + " to fill the cache and keep it fresh, "
                + rules
                + " for the workspaces' time entry rules (the timesheet check, kept 6 h), "
                + reports
                + " Reports pages for history older than 90 days (loaded once, then kept), "
                + team
                + " for the team question (its members and one Reports summary, then cached).");
        if (writesIn != null) {
          writeSegment(client);
        }
        printHowToConnect();
        return failures == 0 ? 0 : 1;
      } finally {
        client.closeGracefully();
      }
    }
  }

  /** Asks one question, prints it with its progress and answer, counts it if it failed. */
  private McpSchema.CallToolResult ask(
      McpSyncClient client,
      String question,
      String tool,
      Map<String, Object> arguments,
      boolean mayBeRefused) {
    asked++;
    heard.clear();
    McpSchema.CallToolResult result =
        client.callTool(
            new McpSchema.CallToolRequest(
                tool, arguments, Map.of("progressToken", "tour-" + asked)));
    out.println();
    out.println("Q: " + question);
    out.println("→ " + tool + " " + CallCommand.compact(arguments));
    printProgress(heard);
    printShortened(((McpSchema.TextContent) result.content().get(0)).text());
    if (Boolean.TRUE.equals(result.isError()) && !mayBeRefused) {
      failures++;
    }
    return result;
  }

  /** {@code demo --write}: a few changes, then what they cost. */
  private void writeSegment(McpSyncClient client) {
    int before = simulator.requests().count();
    int writesBefore = simulator.requests().nonGetV9();
    out.println();
    out.println("— Writing (demo --write: TOGGL_WRITE_ENABLED=true against the simulator) —");
    new WriteSegment(
            (question, tool, arguments, mayBeRefused) ->
                ask(client, question, tool, arguments, mayBeRefused),
            (tool, arguments) -> client.callTool(new McpSchema.CallToolRequest(tool, arguments)),
            writesIn)
        .run(LocalDate.ofInstant(simulator.clock().instant(), writesIn));
    int spent = simulator.requests().count() - before;
    int writes = simulator.requests().nonGetV9() - writesBefore;
    out.println();
    int reads = spent - writes;
    out.println(
        "Toggl API requests for the writes: "
            + spent
            + " — "
            + writes
            + " changes, each sent once"
            + (reads == 0 ? "" : ", and " + reads + " reads")
            + "; the refused one sent nothing, and every answer after a write came from the cache"
            + " the write's answer updated.");
  }

  private int count(String pathPart) {
    return simulator.requests().byEndpoint().entrySet().stream()
        .filter(e -> e.getKey().contains(pathPart))
        .mapToInt(Map.Entry::getValue)
        .sum();
  }

  /**
   * The progress notices a call sent while it waited for old history, as a client shows them: the
   * first and the last (the SDK may hand them over out of order, so they are sorted by count).
   */
  private void printProgress(List<McpSchema.ProgressNotification> heard) {
    List<McpSchema.ProgressNotification> sorted =
        heard.stream()
            .sorted(Comparator.comparingDouble(McpSchema.ProgressNotification::progress))
            .toList();
    if (sorted.isEmpty()) {
      return;
    }
    out.println("   [progress] " + sorted.get(0).message());
    if (sorted.size() > 1) {
      out.println("   [progress] " + sorted.get(sorted.size() - 1).message());
    }
  }

  private void printShortened(String text) {
    String[] lines = text.split("\n");
    for (int i = 0; i < Math.min(lines.length, SHOWN_LINES); i++) {
      out.println("   " + lines[i]);
    }
    if (lines.length > SHOWN_LINES) {
      out.println("   … (" + (lines.length - SHOWN_LINES) + " more lines)");
    }
  }

  private void printHowToConnect() {
    out.println();
    out.println("Next steps:");
    out.println("  Try it in Claude Desktop without a token — add to claude_desktop_config.json:");
    out.println(
        "    {\"mcpServers\": {\"toggl-demo\": {\"command\": \""
            + Launcher.path()
            + "\", \"args\": [\"demo\", \"--stdio\"]}}}");
    out.println(
        "  Claude Code:   claude mcp add toggl -e TOGGL_API_TOKEN=... -- " + Launcher.path());
    out.println(
        "  MCP Inspector: npx @modelcontextprotocol/inspector "
            + Launcher.path()
            + " demo --stdio");
    out.println(
        "  With your own token: put TOGGL_API_TOKEN in ./.env and run `"
            + Launcher.path()
            + " check`.");
  }
}
