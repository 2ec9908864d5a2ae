package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.analytics.Kind;
import dev.toggltrackmcp.analytics.Labels;
import dev.toggltrackmcp.arguments.Arguments;
import dev.toggltrackmcp.arguments.InvalidArgument;
import dev.toggltrackmcp.arguments.Ref;
import dev.toggltrackmcp.arguments.Resolver;
import dev.toggltrackmcp.toggl.TogglException;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.Client;
import dev.toggltrackmcp.toggl.model.Project;
import dev.toggltrackmcp.toggl.model.Tag;
import dev.toggltrackmcp.toggl.model.Workspace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Making a new tag, client or project, explicitly: no other tool creates one as a side effect of a
 * name it does not know. A name that already exists in the workspace is refused before anything is
 * sent.
 */
final class CatalogWriteTools {
  private static final int LONGEST_NAME = 100;

  private final ToolContext ctx;

  CatalogWriteTools(ToolContext ctx) {
    this.ctx = ctx;
  }

  List<ToolDefinition> definitions() {
    return List.of(tag(), project(), client());
  }

  private ToolDefinition tag() {
    return ToolDefinition.write(
        "create_tag",
        "Create a tag",
        "Creates a tag in a workspace, so entries can carry it. A tag of that name (any case)"
            + " already there is an error naming it. Example: {\"name\": \"q1\"} or {\"name\":"
            + " \"support\", \"workspace_id\": 7654321}.",
        named("tag"),
        result("tag", item("Tag").build(false)),
        new ToolDefinition.Effect(false, true),
        args -> {
          String name = name(args);
          Long given = args.id("workspace_id");
          Account account = ctx.data.account().value();
          long ws = workspace(given, account);
          exists(account.tags(), Tag::workspaceId, Tag::name, Tag::id, ws, name, Kind.TAG, account);
          Tag t = send("creating the tag", () -> ctx.writes().createTag(ws, name));
          Map<String, Object> m = base(t.id(), t.name(), t.workspaceId(), account);
          return answer("tag", m, "Created tag \"" + t.name() + "\"", account, t.workspaceId());
        });
  }

  private ToolDefinition client() {
    return ToolDefinition.write(
        "create_client",
        "Create a client",
        "Creates a client in a workspace, for projects to belong to. A client of that name (any"
            + " case) already there is an error naming it. Example: {\"name\": \"Acme Corp\"} or"
            + " {\"name\": \"Globex\", \"workspace_id\": 7654321}.",
        named("client"),
        result("client", item("Client").build(false)),
        new ToolDefinition.Effect(false, true),
        args -> {
          String name = name(args);
          Long given = args.id("workspace_id");
          Account account = ctx.data.account().value();
          long ws = workspace(given, account);
          exists(
              account.clients(),
              Client::workspaceId,
              Client::name,
              Client::id,
              ws,
              name,
              Kind.CLIENT,
              account);
          Client c = send("creating the client", () -> ctx.writes().createClient(ws, name));
          Map<String, Object> m = base(c.id(), c.name(), c.workspaceId(), account);
          return answer(
              "client", m, "Created client \"" + c.name() + "\"", account, c.workspaceId());
        });
  }

  private ToolDefinition project() {
    return ToolDefinition.write(
        "create_project",
        "Create a project",
        "Creates a project in a workspace, optionally for an existing client. A project of that"
            + " name (any case) already there is an error naming it; an unknown client is an"
            + " error listing the closest (create_client makes new ones). Example: {\"name\":"
            + " \"Website Redesign\", \"client\": \"Acme Corp\"} or {\"name\": \"Internal\","
            + " \"workspace_id\": 7654321}.",
        named("project")
            .prop(
                "client",
                Schema.idOrName(
                    "The project's client by id or name, in the same workspace (optional).")),
        result(
            "project",
            item("Project")
                .prop("client_id", Schema.nullableInteger("Client id, if any."))
                .prop("client_name", Schema.nullableString("Client name, if any."))
                .build(false)),
        new ToolDefinition.Effect(false, true),
        args -> {
          String name = name(args);
          Ref clientRef = args.ref("client", Kind.CLIENT);
          Long given = args.id("workspace_id");
          Account account = ctx.data.account().value();
          Resolver names = Resolver.forWrites(account);
          Client client = null;
          if (clientRef != null) {
            client = names.client(clientRef, given);
          }
          long ws =
              client != null && given == null ? client.workspaceId() : workspace(given, account);
          exists(
              account.projects(),
              Project::workspaceId,
              Project::name,
              Project::id,
              ws,
              name,
              Kind.PROJECT,
              account);
          Long clientId = client == null ? null : client.id();
          Project p =
              send("creating the project", () -> ctx.writes().createProject(ws, name, clientId));
          Map<String, Object> m = base(p.id(), p.name(), p.workspaceId(), account);
          m.put("client_id", p.clientId());
          m.put("client_name", client == null ? null : client.name());
          return answer(
              "project",
              m,
              "Created project \""
                  + p.name()
                  + "\""
                  + (client == null ? "" : " for " + client.name()),
              account,
              p.workspaceId());
        });
  }

  private static Schema.Obj named(String kind) {
    return Schema.object()
        .required("name", Schema.string("The new " + kind + "'s name, e.g. \"q1\"."))
        .prop(
            "workspace_id",
            Schema.integer(
                "Workspace id (default: the configured or your default workspace; see"
                    + " list_workspaces).",
                1,
                Arguments.LARGEST_ID));
  }

  private static Schema.Obj item(String kind) {
    return Schema.object()
        .prop("id", Schema.integer(kind + " id."))
        .prop("name", Schema.string(kind + " name."))
        .prop("workspace_id", Schema.integer("Workspace id."))
        .prop("workspace_name", Schema.string("Workspace name."));
  }

  private static Map<String, Object> result(String key, Map<String, Object> item) {
    return Schema.object().prop(key, item).build(false);
  }

  private static String name(Arguments args) {
    String name = args.requiredText("name", "\"q1\"");
    if (name.length() > LONGEST_NAME) {
      throw new InvalidArgument(
          "name", "name is too long (" + name.length() + " characters; at most 100).");
    }
    return name;
  }

  private long workspace(@Nullable Long given, Account account) {
    if (given != null) {
      return new Resolver(account)
          .workspace(new Ref("workspace_id", Kind.WORKSPACE, given.toString(), given, true))
          .id();
    }
    if (ctx.configuredWorkspace != null) {
      return ctx.configuredWorkspace;
    }
    Long home = account.user().defaultWorkspaceId();
    if (home != null && account.workspace(home).isPresent()) {
      return home;
    }
    return account.workspaces().stream()
        .map(Workspace::id)
        .findFirst()
        .orElseThrow(
            () -> new InvalidArgument("workspace_id", "Your Toggl account has no workspace."));
  }

  private static <T> void exists(
      List<T> all,
      java.util.function.ToLongFunction<T> workspaceOf,
      java.util.function.Function<T, String> nameOf,
      java.util.function.ToLongFunction<T> idOf,
      long ws,
      String name,
      Kind kind,
      Account account) {
    Optional<T> same =
        all.stream()
            .filter(t -> workspaceOf.applyAsLong(t) == ws)
            .filter(t -> Labels.key(nameOf.apply(t)).equals(Labels.key(name)))
            .findFirst();
    if (same.isPresent()) {
      throw new ToolRefusal(
          "A "
              + kind.singular()
              + " named \""
              + nameOf.apply(same.get())
              + "\" already exists in "
              + CatalogTools.workspaceName(account, ws)
              + " (id "
              + idOf.applyAsLong(same.get())
              + "); nothing was created. Use it as it is.");
    }
  }

  private static <T> T send(String doing, Supplier<T> write) {
    try {
      return write.get();
    } catch (TogglException e) {
      throw WriteFailure.explain(e, doing);
    }
  }

  private static Map<String, Object> base(long id, String name, long ws, Account account) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("name", name);
    m.put("workspace_id", ws);
    m.put("workspace_name", CatalogTools.workspaceName(account, ws));
    return m;
  }

  private static ToolAnswer answer(
      String key, Map<String, Object> item, String what, Account account, @Nullable Long ws) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(key, item);
    return new ToolAnswer(
        what
            + " in "
            + CatalogTools.workspaceName(account, ws)
            + " (id "
            + item.get("id")
            + "); entries can use it now.",
        out);
  }
}
