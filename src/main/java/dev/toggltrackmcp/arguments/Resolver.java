package dev.toggltrackmcp.arguments;

import dev.toggltrackmcp.analytics.Kind;
import dev.toggltrackmcp.analytics.Labels;
import dev.toggltrackmcp.analytics.TagMatch;
import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.Client;
import dev.toggltrackmcp.toggl.model.Project;
import dev.toggltrackmcp.toggl.model.Tag;
import dev.toggltrackmcp.toggl.model.Task;
import dev.toggltrackmcp.toggl.model.Workspace;
import dev.toggltrackmcp.toggl.model.WorkspaceUser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Turns what the model typed for a workspace, project, client, task or tag — an id, a name in any
 * case, or a {@link Labels label} such as "Acme Corp (Northwind Agency)" — into that thing of the
 * account. A name shared by several is refused with every labelled choice and its id; an unknown
 * one with the closest candidates. {@link #complete} offers labels for a prefix, for prompts.
 */
public final class Resolver {
  private static final int CHOICES_SHOWN = 5;

  private final Account account;
  private final List<WorkspaceUser> users;
  private final Labels labels;
  private final Map<Kind, List<Candidate>> candidates = new EnumMap<>(Kind.class);

  /** Names for a change: an unknown one points to the create_ tool, never made as a side effect. */
  private final boolean forWrites;

  public Resolver(Account account) {
    this(account, List.of());
  }

  /** A resolver that also knows {@code users}, the members of the workspace asked about. */
  public Resolver(Account account, List<WorkspaceUser> users) {
    this(account, users, false);
  }

  private Resolver(Account account, List<WorkspaceUser> users, boolean forWrites) {
    this.account = account;
    this.users = List.copyOf(users);
    this.labels = Labels.of(account, users);
    this.forWrites = forWrites;
  }

  /**
   * A resolver for names a write will set on an entry: the workspace is the entry's, and a name
   * that does not exist says how to create it.
   */
  public static Resolver forWrites(Account account) {
    return new Resolver(account, List.of(), true);
  }

  public Labels labels() {
    return labels;
  }

  public Workspace workspace(Ref ref) {
    long id = one(ref, null).id();
    return account.workspace(id).orElseThrow();
  }

  /** A project of {@code workspace} (any workspace when null). */
  public Project project(Ref ref, @Nullable Long workspace) {
    return account.project(one(ref, workspace).id()).orElseThrow();
  }

  public Client client(Ref ref, @Nullable Long workspace) {
    return account.client(one(ref, workspace).id()).orElseThrow();
  }

  /** A member of the workspace whose users this resolver was given. */
  public WorkspaceUser user(Ref ref) {
    long id = one(ref, null).id();
    return users.stream().filter(u -> u.id() == id).findFirst().orElseThrow();
  }

  public Task task(Ref ref, @Nullable Long workspace) {
    return account.task(one(ref, workspace).id()).orElseThrow();
  }

  /**
   * The tag an entry must carry. A bare name means that tag in every workspace that has one (an
   * entry lives in one workspace, so this is never ambiguous); an id or a label means that one tag.
   */
  public TagMatch tag(Ref ref, @Nullable Long workspace) {
    Candidate labelled = byId(ref, workspace).or(() -> byLabel(ref, workspace)).orElse(null);
    if (labelled != null) {
      Tag t = account.tag(labelled.id()).orElseThrow();
      return new TagMatch(Set.of(t.id()), t.name(), t.workspaceId());
    }
    List<Candidate> named = byName(ref, workspace);
    if (named.isEmpty()) {
      throw notFound(ref, workspace);
    }
    return new TagMatch(
        named.stream().map(Candidate::id).collect(Collectors.toSet()),
        named.get(0).name(),
        workspace);
  }

  /**
   * Refuses, as {@link #project} and the others would, a reference that fits nothing in any
   * workspace: checked before the workspace it must be in is known (e.g. before an entry is
   * fetched), so a typo costs no request.
   */
  public void mustExist(Ref ref) {
    String key = Labels.key(ref.text());
    boolean any =
        candidates(ref.kind()).stream()
            .anyMatch(
                c ->
                    ref.id() != null && c.id() == ref.id()
                        || Labels.key(c.name()).equals(key)
                        || Labels.key(c.label()).equals(key));
    if (!any) {
      byId(ref, null);
      throw notFound(ref, null);
    }
  }

  /**
   * Up to {@code most} labels of {@code kind} in {@code workspace} for what has been typed so far:
   * names or labels starting with it first, then those containing it, each group by label.
   */
  public List<String> complete(Kind kind, String typed, @Nullable Long workspace, int most) {
    String key = Labels.key(typed);
    List<Candidate> in = inScope(kind, workspace);
    List<String> out = new ArrayList<>();
    Comparator<Candidate> byLabel = Comparator.comparing(c -> Labels.key(c.label()));
    in.stream()
        .filter(c -> Labels.key(c.name()).startsWith(key) || Labels.key(c.label()).startsWith(key))
        .sorted(byLabel)
        .forEach(c -> out.add(c.label()));
    in.stream()
        .filter(c -> !out.contains(c.label()) && Labels.key(c.label()).contains(key))
        .sorted(byLabel)
        .forEach(c -> out.add(c.label()));
    return out.stream().distinct().limit(most).toList();
  }

  /** One thing that a name can point to. */
  private record Candidate(long id, String name, String label, @Nullable Long workspaceId) {}

  private Candidate one(Ref ref, @Nullable Long workspace) {
    Optional<Candidate> exact = byId(ref, workspace).or(() -> byLabel(ref, workspace));
    if (exact.isPresent()) {
      return exact.get();
    }
    List<Candidate> named = byName(ref, workspace);
    if (named.size() == 1) {
      return named.get(0);
    }
    if (named.size() > 1) {
      throw new InvalidArgument(
          ref.argument(),
          "Several "
              + ref.kind().plural()
              + " are named "
              + ref.shown()
              + ": "
              + named.stream()
                  .map(c -> "\"" + c.label() + "\" (id " + c.id() + ")")
                  .collect(Collectors.joining(", "))
              + ". Pass one of these labels or ids as "
              + ref.argument()
              + ".");
    }
    throw notFound(ref, workspace);
  }

  /**
   * By id: an id outside the workspace asked about, or unknown, is refused when only an id fits.
   */
  private Optional<Candidate> byId(Ref ref, @Nullable Long workspace) {
    if (ref.id() == null) {
      return Optional.empty();
    }
    Optional<Candidate> found =
        candidates(ref.kind()).stream().filter(c -> c.id() == ref.id()).findFirst();
    if (found.isPresent() && inWorkspace(found.get(), workspace)) {
      return found;
    }
    if (!ref.onlyId()) {
      return Optional.empty();
    }
    if (found.isPresent()) {
      throw new InvalidArgument(
          ref.argument(),
          capitalized(ref.kind().singular())
              + " "
              + ref.id()
              + " (\""
              + found.get().label()
              + "\") is in workspace "
              + labels.workspace(found.get().workspaceId())
              + ", not in "
              + labels.workspace(workspace)
              + (forWrites
                  ? "; an entry's "
                      + ref.kind().singular()
                      + " must be in the entry's workspace, so pick one of "
                      + labels.workspace(workspace)
                      + "."
                  : "; leave out workspace_id or pick a "
                      + ref.kind().singular()
                      + " of that workspace."));
    }
    throw new InvalidArgument(
        ref.argument(),
        "No "
            + ref.kind().singular()
            + " has id "
            + ref.id()
            + (ref.kind() == Kind.WORKSPACE
                ? "; yours are " + workspaces() + "."
                : "; find ids with " + listTool(ref.kind()) + "."));
  }

  private Optional<Candidate> byLabel(Ref ref, @Nullable Long workspace) {
    String key = Labels.key(ref.text());
    List<Candidate> found =
        inScope(ref.kind(), workspace).stream()
            .filter(c -> Labels.key(c.label()).equals(key))
            .toList();
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  private List<Candidate> byName(Ref ref, @Nullable Long workspace) {
    String key = Labels.key(ref.text());
    return inScope(ref.kind(), workspace).stream()
        .filter(c -> Labels.key(c.name()).equals(key))
        .toList();
  }

  private InvalidArgument notFound(Ref ref, @Nullable Long workspace) {
    String key = Labels.key(ref.text());
    List<Candidate> elsewhere =
        candidates(ref.kind()).stream()
            .filter(c -> !inWorkspace(c, workspace))
            .filter(c -> Labels.key(c.name()).equals(key) || Labels.key(c.label()).equals(key))
            .toList();
    String kind = ref.kind().singular();
    if (!elsewhere.isEmpty()) {
      return new InvalidArgument(
          ref.argument(),
          "No "
              + kind
              + " "
              + ref.shown()
              + " in "
              + labels.workspace(workspace)
              + "; "
              + elsewhere.stream()
                  .map(c -> "\"" + c.label() + "\" (id " + c.id() + ")")
                  .collect(Collectors.joining(", "))
              + (elsewhere.size() == 1 ? " is" : " are")
              + (forWrites
                  ? " in another workspace, and an entry's "
                      + kind
                      + " must be in the entry's workspace. Pick one of "
                      + labels.workspace(workspace)
                      + (ref.kind() == Kind.TAG ? "" : " (or, for a new entry, its workspace_id)")
                      + "."
                  : " in another workspace. Leave out workspace_id to use "
                      + (elsewhere.size() == 1 ? "it." : "one.")));
    }
    List<String> closest =
        Closest.to(
            ref.text(),
            inScope(ref.kind(), workspace),
            Candidate::label,
            Candidate::name,
            CHOICES_SHOWN);
    return new InvalidArgument(
        ref.argument(),
        "No "
            + kind
            + " matches "
            + ref.shown()
            + "; closest: "
            + (closest.isEmpty() ? "(none exist)" : "\"" + String.join("\", \"", closest) + "\"")
            + ". "
            + whereToLook(ref.kind())
            + (forWrites && creatable(ref.kind())
                ? " If it is a new "
                    + kind
                    + ", create it first with create_"
                    + kind
                    + " (nothing is created by a typo)."
                : ""));
  }

  private static boolean creatable(Kind kind) {
    return kind == Kind.TAG || kind == Kind.PROJECT || kind == Kind.CLIENT;
  }

  private static String whereToLook(Kind kind) {
    return kind == Kind.TASK
        ? "Tasks show on entries (" + listTool(kind) + "); pass the task's id or its label."
        : "Call " + listTool(kind) + " to see them all.";
  }

  private static String listTool(Kind kind) {
    return switch (kind) {
      case TASK -> "get_time_entry_details";
      case USER -> "list_workspace_users";
      default -> "list_" + kind.plural();
    };
  }

  private String workspaces() {
    return account.workspaces().stream()
        .map(w -> w.id() + " (" + w.name() + ")")
        .collect(Collectors.joining(", "));
  }

  private static boolean inWorkspace(Candidate c, @Nullable Long workspace) {
    return workspace == null || c.workspaceId() == null || c.workspaceId().equals(workspace);
  }

  private List<Candidate> inScope(Kind kind, @Nullable Long workspace) {
    return candidates(kind).stream().filter(c -> inWorkspace(c, workspace)).toList();
  }

  private List<Candidate> candidates(Kind kind) {
    return candidates.computeIfAbsent(kind, this::build);
  }

  private List<Candidate> build(Kind kind) {
    List<Candidate> out = new ArrayList<>();
    switch (kind) {
      case WORKSPACE ->
          account
              .workspaces()
              .forEach(
                  w -> out.add(new Candidate(w.id(), w.name(), labels.workspace(w.id()), null)));
      case PROJECT ->
          account
              .projects()
              .forEach(
                  p ->
                      out.add(
                          new Candidate(
                              p.id(), p.name(), labels.project(p.id()), p.workspaceId())));
      case CLIENT ->
          account
              .clients()
              .forEach(
                  c ->
                      out.add(
                          new Candidate(c.id(), c.name(), labels.client(c.id()), c.workspaceId())));
      case TASK ->
          account
              .tasks()
              .forEach(
                  t ->
                      out.add(
                          new Candidate(t.id(), t.name(), labels.task(t.id()), t.workspaceId())));
      case USER -> {
        Set<Long> seen = new HashSet<>();
        users.stream()
            .filter(u -> seen.add(u.id()))
            .forEach(u -> out.add(new Candidate(u.id(), u.name(), labels.user(u.id()), null)));
      }
      case TAG ->
          account
              .tags()
              .forEach(
                  t ->
                      out.add(
                          new Candidate(t.id(), t.name(), labels.tag(t.id()), t.workspaceId())));
    }
    return out;
  }

  private static String capitalized(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
