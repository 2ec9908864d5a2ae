package dev.toggltrackmcp.bench;

import java.util.List;
import java.util.Map;

/**
 * The questions a user asks in a chat, as tool calls: the workload of every benchmark; {@link
 * #TEAM} is what a team lead asks about the people in Lima Consulting.
 */
final class QuestionSet {
  record Question(String asked, String tool, Map<String, Object> arguments) {}

  private QuestionSet() {}

  static final List<Question> QUESTIONS =
      List.of(
          new Question("current entry", "get_current_time_entry", Map.of()),
          new Question("today's entries", "list_time_entries", Map.of("period", "today")),
          new Question("list projects", "list_projects", Map.of()),
          new Question("list clients", "list_clients", Map.of()),
          new Question("time last week", "get_time_summary", Map.of("period", "last_week")),
          new Question(
              "billable hours this month",
              "get_time_summary",
              Map.of("period", "this_month", "billable", true)),
          new Question(
              "by project, last 30 days",
              "get_time_summary",
              Map.of("period", "last_30_days", "group_by", List.of("project"))),
          new Question(
              "top client this quarter",
              "get_time_summary",
              Map.of("period", "this_quarter", "group_by", List.of("client"))),
          new Question("search \"meeting\"", "search_time_entries", Map.of("query", "meeting")),
          new Question(
              "billable entries last month",
              "list_time_entries",
              Map.of("period", "last_month", "billable", true)),
          new Question(
              "entries tagged development",
              "list_time_entries",
              Map.of("period", "last_30_days", "tags", List.of("development"))),
          new Question(
              "entries of one project",
              "list_time_entries",
              Map.of("period", "last_90_days", "project", "Website Redesign")),
          new Question(
              "one client's Q4 summary",
              "get_time_summary",
              Map.of("start_date", "2026-10-01", "end_date", "2026-12-31", "client", "Globex")),
          new Question(
              "by project and tag",
              "get_time_summary",
              Map.of("period", "this_month", "group_by", List.of("project", "tag"))),
          new Question(
              "average daily time this month",
              "get_time_summary",
              Map.of("period", "this_month", "group_by", List.of("day"))));

  static final List<Question> TEAM =
      List.of(
          new Question("team members", "list_workspace_users", Map.of()),
          new Question(
              "who logged time on Acme last week",
              "get_team_summary",
              Map.of(
                  "period",
                  "last_week",
                  "client",
                  "Acme Corp (Lima Consulting)",
                  "group_by",
                  List.of("user"))),
          new Question(
              "hours per person this month, billable vs not",
              "get_team_summary",
              Map.of("period", "this_month", "group_by", List.of("user"))),
          new Question(
              "what did Zoë work on yesterday",
              "get_team_time_entries",
              Map.of("period", "yesterday", "users", List.of("Zoë Ñúñez"))),
          new Question(
              "team hours per project this quarter (budgets)",
              "get_team_summary",
              Map.of("period", "this_quarter", "group_by", List.of("project"))),
          new Question(
              "each person's days this week",
              "get_team_summary",
              Map.of("period", "this_week", "group_by", List.of("user", "day"))));
}
