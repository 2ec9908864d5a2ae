package dev.toggltrackmcp.arguments;

import dev.toggltrackmcp.analytics.Kind;
import dev.toggltrackmcp.analytics.Labels;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.Client;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What the list tools for projects, clients and tags are asked: {@code status}, {@code query} (a
 * part of the name), {@code workspace_id}, {@code client} (projects only) and paging.
 */
public record CatalogQuery(
    Status status,
    @Nullable String text,
    @Nullable Ref workspace,
    @Nullable Ref client,
    Paging paging) {

  /** Which items by their archived state. */
  public enum Status {
    ACTIVE,
    ARCHIVED,
    ALL;

    public String argumentName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public boolean keeps(boolean active) {
      return this == ALL || active == (this == ACTIVE);
    }
  }

  public static final List<Status> STATUSES = Arrays.asList(Status.values());

  public static CatalogQuery read(Arguments args) {
    Status status = args.choice("status", STATUSES, Status::argumentName);
    String text = args.text("query");
    return new CatalogQuery(
        status == null ? Status.ACTIVE : status,
        text == null ? null : Labels.key(text),
        FilterQuery.workspace(args),
        args.ref("client", Kind.CLIENT),
        Paging.read(args));
  }

  public Resolved resolve(Account account, @Nullable Long configuredWorkspace) {
    Resolver names = new Resolver(account);
    Long ws =
        workspace == null ? configuredWorkspace : Long.valueOf(names.workspace(workspace).id());
    return new Resolved(
        status, text, ws, client == null ? null : names.client(client, ws), paging, names.labels());
  }

  public record Resolved(
      Status status,
      @Nullable String text,
      @Nullable Long workspaceId,
      @Nullable Client client,
      Paging paging,
      Labels labels) {

    /** True for an item these arguments keep. */
    public boolean keeps(long itemWorkspace, boolean active, String name) {
      return (workspaceId == null || itemWorkspace == workspaceId)
          && status.keeps(active)
          && (text == null || Labels.key(name).contains(text));
    }
  }
}
