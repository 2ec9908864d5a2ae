package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.store.Fresh;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.User;
import dev.toggltrackmcp.toggl.model.Workspace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Who the user is and which workspaces they have. Never the token. */
final class ProfileTools {
  private static final String[] WEEKDAYS = {
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"
  };
  private final ToolContext ctx;

  ProfileTools(ToolContext ctx) {
    this.ctx = ctx;
  }

  List<ToolDefinition> definitions() {
    return List.of(user(), workspaces());
  }

  private ToolDefinition user() {
    return new ToolDefinition(
        "get_current_user",
        "Who am I",
        "The Toggl user: name, email, timezone, week start, default workspace and workspaces."
            + " Call with no arguments: {}.",
        Schema.object(),
        CommonSchemas.freshness(
                Schema.object()
                    .prop("id", Schema.integer("User id."))
                    .prop("email", Schema.nullableString("Email."))
                    .prop("fullname", Schema.nullableString("Full name."))
                    .prop("timezone", Schema.string("IANA timezone used for every date."))
                    .prop("beginning_of_week", Schema.integer("0 = Sunday, 1 = Monday, …"))
                    .prop("default_workspace_id", Schema.nullableInteger("Default workspace."))
                    .prop(
                        "workspaces",
                        Schema.array(
                            "Workspaces.",
                            Schema.object()
                                .prop("id", Schema.integer("Workspace id."))
                                .prop("name", Schema.string("Workspace name."))
                                .build(false))))
            .build(false),
        true,
        args -> {
          Fresh<Account> fresh = ctx.data.account();
          User u = fresh.value().user();
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("id", u.id());
          out.put("email", u.email());
          out.put("fullname", u.fullname());
          out.put("timezone", u.timezone());
          out.put("beginning_of_week", u.beginningOfWeek());
          out.put("default_workspace_id", u.defaultWorkspaceId());
          out.put(
              "workspaces",
              fresh.value().workspaces().stream()
                  .map(w -> Map.<String, Object>of("id", w.id(), "name", w.name()))
                  .toList());
          String text =
              (u.fullname() == null ? "User " + u.id() : u.fullname())
                  + (u.email() == null ? "" : " <" + u.email() + ">")
                  + ", timezone "
                  + u.timezone()
                  + ", weeks start on "
                  + WEEKDAYS[Math.floorMod(u.beginningOfWeek(), 7)]
                  + ". Default workspace: "
                  + (u.defaultWorkspaceId() == null
                      ? "none"
                      : CatalogTools.workspaceName(fresh.value(), u.defaultWorkspaceId()))
                  + ". Workspaces: "
                  + String.join(
                      ", ", fresh.value().workspaces().stream().map(Workspace::name).toList())
                  + ".";
          return new ToolAnswer(
              text + ToolContext.freshnessLine(fresh), ToolContext.withFreshness(out, fresh));
        });
  }

  private ToolDefinition workspaces() {
    return new ToolDefinition(
        "list_workspaces",
        "List workspaces",
        "Workspaces with their currency, default hourly rate, rounding and your role. Call with no"
            + " arguments: {}.",
        Schema.object(),
        CommonSchemas.freshness(
                Schema.object()
                    .prop("total", Schema.integer("Workspaces."))
                    .prop(
                        "workspaces",
                        Schema.array(
                            "Workspaces.",
                            Schema.object()
                                .prop("id", Schema.integer("Workspace id."))
                                .prop("name", Schema.string("Name."))
                                .prop("organization_id", Schema.nullableInteger("Organization."))
                                .prop("premium", Schema.bool("On a paid plan."))
                                .prop("role", Schema.nullableString("Your role."))
                                .prop("default_currency", Schema.nullableString("Currency."))
                                .prop(
                                    "default_hourly_rate",
                                    Schema.nullableNumber("Default hourly rate, if set."))
                                .prop("rounding", Schema.integer("0 nearest, 1 up, -1 down."))
                                .prop("rounding_minutes", Schema.integer("Rounding step."))
                                .build(false))))
            .build(false),
        true,
        args -> {
          Fresh<Account> fresh = ctx.data.account();
          TextTable table =
              new TextTable("Id", "Workspace", "Currency", "Rate", "Plan", "Role").alignRight(3);
          List<Map<String, Object>> items =
              fresh.value().workspaces().stream()
                  .map(
                      w -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("id", w.id());
                        m.put("name", w.name());
                        m.put("organization_id", w.organizationId());
                        m.put("premium", w.premium());
                        m.put("role", w.role());
                        m.put("default_currency", w.defaultCurrency());
                        m.put("default_hourly_rate", w.defaultHourlyRate());
                        m.put("rounding", w.rounding());
                        m.put("rounding_minutes", w.roundingMinutes());
                        table.row(
                            w.id(),
                            w.name(),
                            w.defaultCurrency(),
                            w.defaultHourlyRate() == null ? "-" : w.defaultHourlyRate(),
                            w.premium() ? "paid" : "free",
                            w.role());
                        return m;
                      })
                  .toList();
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("total", items.size());
          out.put("workspaces", items);
          return new ToolAnswer(
              Words.count(items.size(), "workspace", "workspaces")
                  + ".\n\n"
                  + table.toString().stripTrailing()
                  + ToolContext.freshnessLine(fresh),
              ToolContext.withFreshness(out, fresh));
        });
  }
}
