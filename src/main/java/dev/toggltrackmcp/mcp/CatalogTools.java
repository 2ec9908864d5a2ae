package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.analytics.Names;
import dev.toggltrackmcp.store.Fresh;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.Client;
import dev.toggltrackmcp.toggl.model.Project;
import dev.toggltrackmcp.toggl.model.Tag;
import dev.toggltrackmcp.toggl.model.Workspace;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Projects, clients and tags: the names entries point to. */
final class CatalogTools {
  private static final List<String> STATUSES = List.of("active", "archived", "all");
  private final ToolContext ctx;

  CatalogTools(ToolContext ctx) {
    this.ctx = ctx;
  }

  List<ToolDefinition> definitions() {
    return List.of(projects(), clients(), tags());
  }

  private ToolDefinition projects() {
    return new ToolDefinition(
        "list_projects",
        "List projects",
        "Projects (every page, so workspaces with hundreds of projects are complete) with client"
            + " names, rates and status. Example: {\"status\": \"all\", \"client\": \"Acme"
            + " Corp\"} or {\"query\": \"website\"}.",
        Schema.object()
            .prop("status", Schema.oneOf("active (default), archived or all.", STATUSES))
            .prop("client", Schema.string("Only this client's projects (id or name)."))
            .prop("query", Schema.string("Only projects whose name contains this text."))
            .prop("workspace_id", CommonSchemas.workspace())
            .props(CommonSchemas.paging()),
        listSchema(
            "projects",
            namedItem("Project")
                .prop("client_id", Schema.nullableInteger("Client id, if any."))
                .prop("client_name", Schema.nullableString("Client name, if any."))
                .prop("active", Schema.bool("False when archived."))
                .prop("billable", Schema.bool("Billable by default."))
                .prop("rate", Schema.nullableNumber("Own hourly rate, if set."))
                .prop("currency", Schema.nullableString("Currency of the own rate."))
                .build(false)),
        true,
        args -> {
          Selection sel = select(args);
          Account account = sel.fresh().value();
          String client = args.text("client");
          Long clientId =
              client == null ? null : new Names(account).client(client, sel.workspace()).id();
          List<Project> matching =
              account.projects().stream()
                  .filter(p -> sel.keeps(p.workspaceId(), p.active(), p.name()))
                  .filter(p -> clientId == null || clientId.equals(p.clientId()))
                  .sorted(Comparator.comparing((Project p) -> lower(p.name())))
                  .toList();
          return page(
              args,
              sel.fresh(),
              "projects",
              matching,
              p -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", p.id());
                m.put("name", p.name());
                m.put("workspace_id", p.workspaceId());
                m.put("workspace_name", workspaceName(account, p.workspaceId()));
                m.put("client_id", p.clientId());
                m.put(
                    "client_name",
                    p.clientId() == null
                        ? null
                        : account.client(p.clientId()).map(Client::name).orElse(null));
                m.put("active", p.active());
                m.put("billable", Boolean.TRUE.equals(p.billable()));
                m.put("rate", p.rate());
                m.put("currency", p.rate() == null ? null : p.currency());
                return m;
              },
              new String[] {"Project", "Client", "Workspace", "Status"},
              m ->
                  new Object[] {
                    m.get("name"),
                    m.get("client_name") == null ? "" : m.get("client_name"),
                    m.get("workspace_name"),
                    Boolean.TRUE.equals(m.get("active")) ? "active" : "archived"
                  });
        });
  }

  private ToolDefinition clients() {
    return new ToolDefinition(
        "list_clients",
        "List clients",
        "Clients with how many projects each has. Example: {} or {\"status\": \"all\","
            + " \"query\": \"acme\"}.",
        Schema.object()
            .prop("status", Schema.oneOf("active (default), archived or all.", STATUSES))
            .prop("query", Schema.string("Only clients whose name contains this text."))
            .prop("workspace_id", CommonSchemas.workspace())
            .props(CommonSchemas.paging()),
        listSchema(
            "clients",
            namedItem("Client")
                .prop("archived", Schema.bool("True when archived."))
                .prop("project_count", Schema.integer("Projects of this client."))
                .build(false)),
        true,
        args -> {
          Selection sel = select(args);
          Account account = sel.fresh().value();
          List<Client> matching =
              account.clients().stream()
                  .filter(c -> sel.keeps(c.workspaceId(), !c.archived(), c.name()))
                  .sorted(Comparator.comparing((Client c) -> lower(c.name())))
                  .toList();
          return page(
              args,
              sel.fresh(),
              "clients",
              matching,
              c -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", c.id());
                m.put("name", c.name());
                m.put("workspace_id", c.workspaceId());
                m.put("workspace_name", workspaceName(account, c.workspaceId()));
                m.put("archived", c.archived());
                m.put(
                    "project_count",
                    account.projects().stream()
                        .filter(p -> Long.valueOf(c.id()).equals(p.clientId()))
                        .count());
                return m;
              },
              new String[] {"Client", "Workspace", "Projects", "Status"},
              m ->
                  new Object[] {
                    m.get("name"),
                    m.get("workspace_name"),
                    m.get("project_count"),
                    Boolean.TRUE.equals(m.get("archived")) ? "archived" : "active"
                  });
        });
  }

  private ToolDefinition tags() {
    return new ToolDefinition(
        "list_tags",
        "List tags",
        "Tags of your workspaces. Example: {} or {\"query\": \"meet\"}.",
        Schema.object()
            .prop("query", Schema.string("Only tags whose name contains this text."))
            .prop("workspace_id", CommonSchemas.workspace())
            .props(CommonSchemas.paging()),
        listSchema("tags", namedItem("Tag").build(false)),
        true,
        args -> {
          Selection sel = select(args);
          Account account = sel.fresh().value();
          List<Tag> matching =
              account.tags().stream()
                  .filter(t -> sel.keeps(t.workspaceId(), true, t.name()))
                  .sorted(Comparator.comparing((Tag t) -> lower(t.name())))
                  .toList();
          return page(
              args,
              sel.fresh(),
              "tags",
              matching,
              t -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", t.id());
                m.put("name", t.name());
                m.put("workspace_id", t.workspaceId());
                m.put("workspace_name", workspaceName(account, t.workspaceId()));
                return m;
              },
              new String[] {"Tag", "Workspace"},
              m -> new Object[] {m.get("name"), m.get("workspace_name")});
        });
  }

  private static <T> ToolAnswer page(
      Arguments args,
      Fresh<?> fresh,
      String key,
      List<T> matching,
      Function<T, Map<String, Object>> view,
      String[] header,
      Function<Map<String, Object>, Object[]> row) {
    Page<T> page = Page.of(matching, args);
    List<Map<String, Object>> items = page.items().stream().map(view).toList();
    Map<String, Object> out = new LinkedHashMap<>();
    page.describe(out);
    out.put(key, items);
    StringBuilder text =
        new StringBuilder()
            .append(matching.size())
            .append(' ')
            .append(matching.size() == 1 ? key.substring(0, key.length() - 1) : key);
    if (!items.isEmpty()) {
      text.append(", showing ").append(page.offset() + 1).append("–").append(page.nextOffset());
      text.append(page.hasMore() ? "; more with offset " + page.nextOffset() : "");
      TextTable table = new TextTable(header);
      items.forEach(i -> table.row(row.apply(i)));
      text.append(".\n\n").append(table);
    } else {
      text.append('.');
    }
    return new ToolAnswer(
        text.toString().stripTrailing() + ToolContext.freshnessLine(fresh),
        ToolContext.withFreshness(out, fresh));
  }

  /** The account and the status, workspace and name filters every catalog tool shares. */
  private record Selection(Fresh<Account> fresh, String status, Long workspace, String query) {

    boolean keeps(long workspaceId, boolean active, String name) {
      return (workspace == null || workspaceId == workspace)
          && (status.equals("all") || active == status.equals("active"))
          && (query == null || lower(name).contains(query));
    }
  }

  private Selection select(Arguments args) {
    Fresh<Account> fresh = ctx.data.account();
    String status = args.choice("status", STATUSES);
    return new Selection(
        fresh,
        status == null ? "active" : status,
        ctx.workspace(args, fresh.value()),
        lower(args.text("query")));
  }

  private static Schema.Obj namedItem(String kind) {
    return Schema.object()
        .prop("id", Schema.integer(kind + " id."))
        .prop("name", Schema.string(kind + " name."))
        .prop("workspace_id", Schema.integer("Workspace id."))
        .prop("workspace_name", Schema.string("Workspace name."));
  }

  private static Map<String, Object> listSchema(String key, Map<String, Object> item) {
    return CommonSchemas.freshness(
            Schema.object()
                .prop("total", Schema.integer("Items matching."))
                .prop("returned", Schema.integer("Items in this answer."))
                .prop("offset", Schema.integer("Items skipped."))
                .prop("has_more", Schema.bool("True when more follow."))
                .prop("next_offset", Schema.nullableInteger("offset for the next page, or null."))
                .prop(key, Schema.array("The items, by name.", item)))
        .build(false);
  }

  static String workspaceName(Account account, long id) {
    return account.workspace(id).map(Workspace::name).orElse(Long.toString(id));
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }
}
