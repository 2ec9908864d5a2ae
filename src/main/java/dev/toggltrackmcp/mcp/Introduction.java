package dev.toggltrackmcp.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;

/**
 * What a client learns from {@code initialize}: who the server is, what it tells the model, and
 * what it offers. It needs neither Toggl, the cache nor a single tool, so the stdio transport can
 * answer {@code initialize} with it while the rest of the server is still being assembled; the SDK
 * server answers from the same record.
 *
 * @param serverInfo name, title and version
 * @param instructions how to use the tools well
 * @param capabilities tools, logging, prompts, resources (with subscriptions) and completions
 */
public record Introduction(
    McpSchema.Implementation serverInfo,
    String instructions,
    McpSchema.ServerCapabilities capabilities) {

  // the names are the prompts' and resources' own constants (inlined: naming them builds nothing)

  /** Every prompt, by name, in the order prompts/list gives them. */
  static final List<String> PROMPTS =
      List.of(
          ReviewPrompts.WEEKLY_REVIEW,
          ReviewPrompts.INVOICE_PREP,
          ReviewPrompts.TIMESHEET_CHECK,
          ReviewPrompts.STANDUP);

  /** Every resource, then every resource template, in the order their lists give them. */
  static final List<String> RESOURCES =
      List.of(
          AccountResources.ME,
          AccountResources.WORKSPACES,
          AccountResources.PROJECTS,
          AccountResources.CURRENT_ENTRY,
          AccountResources.PROJECTS_IN_WORKSPACE,
          AccountResources.SUMMARY,
          EntriesCsv.URI);

  private static final String WRITES =
      "Access to the user's Toggl Track time data, with write tools (start_time_entry,"
          + " stop_time_entry, create_time_entry, update_time_entry, delete_time_entry,"
          + " bulk_update_time_entries, create_tag, create_project, create_client). Writes are"
          + " checked before anything is sent (future times, overlaps, workspace rules, unknown"
          + " names); delete_time_entry and bulk_update_time_entries first answer a preview and"
          + " change data only when called again with confirm: true, which needs the user's"
          + " agreement.";

  /** The Toggl Track server's introduction, with or without its write tools. */
  public static Introduction of(boolean writeEnabled, String version) {
    return new Introduction(
        new McpSchema.Implementation("toggl-track-mcp", "Toggl Track", version),
        instructions(writeEnabled),
        McpSchema.ServerCapabilities.builder()
            .tools(false)
            .logging()
            .prompts(false)
            .resources(true, false) // toggl://current-entry can be subscribed to
            .completions()
            .build());
  }

  private static String instructions(boolean writeEnabled) {
    return (writeEnabled ? WRITES : "Read-only access to the user's Toggl Track time data.")
        + " Dates are resolved in the"
        + " user's Toggl timezone; an entry belongs to the day it starts. Prefer get_time_summary"
        + " for totals (it answers from a local cache, cheaply), list_time_entries or"
        + " search_time_entries for individual entries, get_current_time_entry for what runs now,"
        + " check_timesheet for what is wrong in a timesheet (overlaps, gaps, missing fields),"
        + " get_time_chart for a picture and get_api_quota for what is left of Toggl's quota."
        + " Projects, clients and tags may be given by id or name; where a name repeats across"
        + " workspaces, answers label it with its workspace (\"Acme Corp (Northwind Agency)\")"
        + " and the label works as input. Every result says data_as_of; a"
        + " note explains when data could not be refreshed (e.g. Toggl's hourly quota)."
        + " Prompts (each says which tools to call with which arguments): "
        + String.join(", ", PROMPTS)
        + ". Resources the user can attach: "
        + String.join(", ", RESOURCES)
        + " (the .csv one is a spreadsheet of entries; toggl://current-entry can be subscribed"
        + " to).";
  }
}
