package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.analytics.Kind;
import dev.toggltrackmcp.arguments.CatalogQuery;
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
  private static final List<String> STATUSES =
      CatalogQuery.STATUSES.stream().map(CatalogQuery.Status::argumentName).toList();
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
            .prop(
                "client",
                Schema.idOrName(
                    "Only this client's projects: an id or a name, e.g. \"Globex\"; where names"
                        + " repeat, the label list_clients shows."))
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
          CatalogQuery query = CatalogQuery.read(args);
          Fresh<Account> fresh = ctx.data.account();
          Account account = fresh.value();
          CatalogQuery.Resolved q = query.resolve(account, ctx.configuredWorkspace);
          Long clientId = q.client() == null ? null : q.client().id();
          List<Project> matching =
              account.projects().stream()
                  .filter(p -> q.keeps(p.workspaceId(), p.active(), p.name()))
                  .filter(p -> clientId == null || clientId.equals(p.clientId()))
                  .sorted(Comparator.comparing((Project p) -> lower(p.name())))
                  .toList();
          return page(
              q,
              fresh,
              Kind.PROJECT,
              matching,
              p -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", p.id());
                m.put("name", p.name());
                m.put("label", q.labels().project(p.id()));
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
              new String[] {"Id", "Project", "Client", "Workspace", "Rate", "Billable", "Status"},
              p ->
                  new Object[] {
                    p.id(),
                    q.labels().project(p.id()),
                    p.clientId() == null ? "" : q.labels().client(p.clientId()),
                    workspaceName(account, p.workspaceId()),
                    rate(p, account),
                    Boolean.TRUE.equals(p.billable()) ? "yes" : "no",
                    p.active() ? "active" : "archived"
                  });
        });
  }

  /** The hourly rate billable time of a project earns: its own, else the workspace default. */
  private static String rate(Project p, Account account) {
    Workspace ws = account.workspace(p.workspaceId()).orElse(null);
    String wsCurrency = ws == null || ws.defaultCurrency() == null ? "" : ws.defaultCurrency();
    if (p.rate() != null) {
      return p.rate().toPlainString() + " " + (p.currency() != null ? p.currency() : wsCurrency);
    }
    if (ws != null && ws.defaultHourlyRate() != null) {
      return ws.defaultHourlyRate().toPlainString() + " " + wsCurrency + " (workspace)";
    }
    return "-";
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
          CatalogQuery query = CatalogQuery.read(args);
          Fresh<Account> fresh = ctx.data.account();
          Account account = fresh.value();
          CatalogQuery.Resolved q = query.resolve(account, ctx.configuredWorkspace);
          List<Client> matching =
              account.clients().stream()
                  .filter(c -> q.keeps(c.workspaceId(), !c.archived(), c.name()))
                  .sorted(Comparator.comparing((Client c) -> lower(c.name())))
                  .toList();
          return page(
              q,
              fresh,
              Kind.CLIENT,
              matching,
              c -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", c.id());
                m.put("name", c.name());
                m.put("label", q.labels().client(c.id()));
                m.put("workspace_id", c.workspaceId());
                m.put("workspace_name", workspaceName(account, c.workspaceId()));
                m.put("archived", c.archived());
                m.put("project_count", projectCount(account, c));
                return m;
              },
              new String[] {"Id", "Client", "Workspace", "Projects", "Status"},
              c ->
                  new Object[] {
                    c.id(),
                    q.labels().client(c.id()),
                    workspaceName(account, c.workspaceId()),
                    projectCount(account, c),
                    c.archived() ? "archived" : "active"
                  });
        });
  }

  private static long projectCount(Account account, Client c) {
    return account.projects().stream()
        .filter(p -> Long.valueOf(c.id()).equals(p.clientId()))
        .count();
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
          CatalogQuery query = CatalogQuery.read(args);
          Fresh<Account> fresh = ctx.data.account();
          Account account = fresh.value();
          CatalogQuery.Resolved q = query.resolve(account, ctx.configuredWorkspace);
          List<Tag> matching =
              account.tags().stream()
                  .filter(t -> q.keeps(t.workspaceId(), true, t.name()))
                  .sorted(Comparator.comparing((Tag t) -> lower(t.name())))
                  .toList();
          return page(
              q,
              fresh,
              Kind.TAG,
              matching,
              t -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", t.id());
                m.put("name", t.name());
                m.put("label", q.labels().tag(t.id()));
                m.put("workspace_id", t.workspaceId());
                m.put("workspace_name", workspaceName(account, t.workspaceId()));
                return m;
              },
              new String[] {"Id", "Tag", "Workspace"},
              t ->
                  new Object[] {
                    t.id(), q.labels().tag(t.id()), workspaceName(account, t.workspaceId())
                  });
        });
  }

  private static <T> ToolAnswer page(
      CatalogQuery.Resolved q,
      Fresh<?> fresh,
      Kind kind,
      List<T> matching,
      Function<T, Map<String, Object>> view,
      String[] header,
      Function<T, Object[]> row) {
    Page<T> page = Page.of(matching, q.paging());
    Map<String, Object> out = new LinkedHashMap<>();
    page.describe(out);
    out.put(kind.plural(), page.items().stream().map(view).toList());
    StringBuilder text =
        new StringBuilder(Words.count(matching.size(), kind.singular(), kind.plural()));
    if (!page.items().isEmpty()) {
      text.append(", showing ").append(page.offset() + 1).append("–").append(page.nextOffset());
      text.append(page.hasMore() ? "; more with offset " + page.nextOffset() : "");
      TextTable table = new TextTable(header);
      page.items().forEach(i -> table.row(row.apply(i)));
      text.append(".\n\n").append(table);
    } else {
      text.append('.');
    }
    return new ToolAnswer(
        text.toString().stripTrailing() + ToolContext.freshnessLine(fresh),
        ToolContext.withFreshness(out, fresh));
  }

  private static Schema.Obj namedItem(String kind) {
    return Schema.object()
        .prop("id", Schema.integer(kind + " id."))
        .prop("name", Schema.string(kind + " name."))
        .prop(
            "label",
            Schema.string(
                "The name, with its workspace (and more) where the name repeats; pass it as input"
                    + " to mean this one."))
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
