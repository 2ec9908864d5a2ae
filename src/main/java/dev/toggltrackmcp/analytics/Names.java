package dev.toggltrackmcp.analytics;

import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.Client;
import dev.toggltrackmcp.toggl.model.Project;
import dev.toggltrackmcp.toggl.model.Tag;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Resolves what a user calls a project, client or tag — an id or a name, any case — to ids. An
 * unknown name lists the closest candidates; a name used in several workspaces lists them all.
 */
public final class Names {
  private final Account account;

  public Names(Account account) {
    this.account = account;
  }

  public Project project(String idOrName, @Nullable Long workspaceId) {
    return one(
        "project",
        idOrName,
        inWorkspace(account.projects(), Project::workspaceId, workspaceId),
        Project::id,
        Project::name,
        Project::workspaceId);
  }

  public Client client(String idOrName, @Nullable Long workspaceId) {
    return one(
        "client",
        idOrName,
        inWorkspace(account.clients(), Client::workspaceId, workspaceId),
        Client::id,
        Client::name,
        Client::workspaceId);
  }

  /** Tag ids for every workspace where a tag has this name (tags are per workspace). */
  public Set<Long> tag(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    Set<Long> ids =
        account.tags().stream()
            .filter(t -> t.name().toLowerCase(Locale.ROOT).equals(wanted))
            .map(Tag::id)
            .collect(Collectors.toSet());
    if (ids.isEmpty()) {
      throw new InvalidArgument(
          "tags",
          "No tag is named \""
              + InvalidArgument.shown(name)
              + "\"; closest: "
              + closest(account.tags(), Tag::name, name)
              + ". Call list_tags to see them all.");
    }
    return ids;
  }

  private <T> T one(
      String kind,
      String idOrName,
      List<T> candidates,
      ToLongFunction<T> id,
      Function<T, String> name,
      ToLongFunction<T> workspace) {
    String text = idOrName.trim();
    if (text.matches("\\d{1,18}")) {
      long wanted = Long.parseLong(text);
      for (T c : candidates) {
        if (id.applyAsLong(c) == wanted) {
          return c;
        }
      }
    }
    List<T> exact = candidates.stream().filter(c -> name.apply(c).equalsIgnoreCase(text)).toList();
    if (exact.size() == 1) {
      return exact.get(0);
    }
    String argument = kind;
    if (exact.size() > 1) {
      String listed =
          exact.stream()
              .map(
                  c ->
                      name.apply(c)
                          + " (id "
                          + id.applyAsLong(c)
                          + ", workspace "
                          + workspaceName(workspace.applyAsLong(c))
                          + ")")
              .collect(Collectors.joining("; "));
      throw new InvalidArgument(
          argument,
          "Several "
              + kind
              + "s are named \""
              + InvalidArgument.shown(text)
              + "\": "
              + listed
              + ". Pass the id instead, or a workspace_id.");
    }
    throw new InvalidArgument(
        argument,
        "No "
            + kind
            + " matches \""
            + InvalidArgument.shown(text)
            + "\"; closest: "
            + closest(candidates, name, text)
            + ". Call list_"
            + kind
            + "s to see them all.");
  }

  private String workspaceName(long id) {
    return account.workspace(id).map(w -> w.name()).orElse(Long.toString(id));
  }

  private static <T> List<T> inWorkspace(
      List<T> all, ToLongFunction<T> workspace, @Nullable Long workspaceId) {
    return workspaceId == null
        ? all
        : all.stream().filter(t -> workspace.applyAsLong(t) == workspaceId).toList();
  }

  /** Up to five names, containing the text first, then by edit distance. */
  static <T> String closest(List<T> candidates, Function<T, String> name, String text) {
    String wanted = text.toLowerCase(Locale.ROOT);
    List<String> best =
        candidates.stream()
            .map(name)
            .distinct()
            .sorted(
                Comparator.comparingInt(
                        (String n) -> n.toLowerCase(Locale.ROOT).contains(wanted) ? 0 : 1)
                    .thenComparingInt(n -> distance(n.toLowerCase(Locale.ROOT), wanted))
                    .thenComparing(Comparator.naturalOrder()))
            .limit(5)
            .toList();
    return best.isEmpty() ? "(none exist)" : "\"" + String.join("\", \"", best) + "\"";
  }

  private static int distance(String a, String b) {
    String x = a.length() > 64 ? a.substring(0, 64) : a;
    String y = b.length() > 64 ? b.substring(0, 64) : b;
    int[] prev = new int[y.length() + 1];
    int[] cur = new int[y.length() + 1];
    for (int j = 0; j <= y.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= x.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= y.length(); j++) {
        int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[y.length()];
  }
}
