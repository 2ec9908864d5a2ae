package dev.toggltrackmcp.arguments;

import dev.toggltrackmcp.analytics.EntryFilter;
import dev.toggltrackmcp.analytics.Kind;
import dev.toggltrackmcp.analytics.TagMatch;
import dev.toggltrackmcp.analytics.TextSearch;
import dev.toggltrackmcp.toggl.model.Client;
import dev.toggltrackmcp.toggl.model.Project;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The filter arguments entries share — {@code workspace_id}, {@code project}, {@code client},
 * {@code tags}, {@code billable} — as typed; {@link #resolve} finds what they name.
 */
public record FilterQuery(
    @Nullable Ref workspace,
    @Nullable Ref project,
    @Nullable Ref client,
    List<Ref> tags,
    @Nullable Boolean billable) {

  public static final int MOST_TAGS = 10;
  public static final List<String> ARGUMENTS =
      List.of("workspace_id", "project", "client", "tags", "billable");

  public FilterQuery {
    tags = List.copyOf(tags);
  }

  public static FilterQuery read(Arguments args) {
    return new FilterQuery(
        workspace(args),
        args.ref("project", Kind.PROJECT),
        args.ref("client", Kind.CLIENT),
        args.refs("tags", Kind.TAG, MOST_TAGS),
        args.bool("billable"));
  }

  /** {@code workspace_id}, which takes an id only (its name says so). */
  static @Nullable Ref workspace(Arguments args) {
    Long id = args.id("workspace_id");
    return id == null ? null : Ref.ofId("workspace_id", Kind.WORKSPACE, id);
  }

  /** True when any filter was given, so a search needs no text. */
  public boolean narrows() {
    return workspace != null
        || project != null
        || client != null
        || !tags.isEmpty()
        || billable != null;
  }

  /**
   * What the filters name. With no {@code workspace_id} the configured workspace (null: every
   * workspace) applies.
   */
  public Filters resolve(Resolver names, @Nullable Long configuredWorkspace) {
    Long ws =
        workspace == null ? configuredWorkspace : Long.valueOf(names.workspace(workspace).id());
    return new Filters(
        ws,
        project == null ? null : names.project(project, ws),
        client == null ? null : names.client(client, ws),
        tags.stream().map(t -> names.tag(t, ws)).toList(),
        billable);
  }

  /** The filters, resolved. */
  public record Filters(
      @Nullable Long workspaceId,
      @Nullable Project project,
      @Nullable Client client,
      List<TagMatch> tags,
      @Nullable Boolean billable) {

    public Filters {
      tags = List.copyOf(tags);
    }

    public EntryFilter entries(@Nullable TextSearch search) {
      return new EntryFilter(
          workspaceId,
          project == null ? null : project.id(),
          client == null ? null : client.id(),
          tags,
          billable,
          search);
    }
  }
}
