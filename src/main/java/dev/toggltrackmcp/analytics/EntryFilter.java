package dev.toggltrackmcp.analytics;

import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which entries a question is about. Every condition given must hold; {@code tagSets} holds, per
 * requested tag name, the ids that carry that name (an entry must carry each requested tag).
 */
public record EntryFilter(
    @Nullable Long workspaceId,
    @Nullable Long projectId,
    @Nullable Long clientId,
    List<Set<Long>> tagSets,
    List<String> tagNames,
    @Nullable Boolean billable,
    @Nullable String query) {

  public EntryFilter {
    tagSets = List.copyOf(tagSets);
    tagNames = List.copyOf(tagNames);
    query = query == null || query.isBlank() ? null : query.trim().toLowerCase(Locale.ROOT);
  }

  public static EntryFilter everything() {
    return new EntryFilter(null, null, null, List.of(), List.of(), null, null);
  }

  public boolean test(TimeEntry e, Account account) {
    if (e.isDeleted()) {
      return false;
    }
    if (workspaceId != null && e.workspaceId() != workspaceId) {
      return false;
    }
    if (projectId != null && !projectId.equals(e.projectId())) {
      return false;
    }
    if (clientId != null && !clientId.equals(EntryView.clientId(e, account))) {
      return false;
    }
    if (billable != null && e.billable() != billable) {
      return false;
    }
    if (!tagSets.isEmpty()) {
      List<String> names = EntryView.tagNames(e, account);
      for (int i = 0; i < tagSets.size(); i++) {
        Set<Long> ids = tagSets.get(i);
        String name = tagNames.get(i);
        boolean carries =
            e.tagIds().stream().anyMatch(ids::contains)
                || names.stream().anyMatch(n -> n.equalsIgnoreCase(name));
        if (!carries) {
          return false;
        }
      }
    }
    return query == null || matchesQuery(e, account);
  }

  private boolean matchesQuery(TimeEntry e, Account account) {
    if (e.description().toLowerCase(Locale.ROOT).contains(query)) {
      return true;
    }
    String project = EntryView.projectName(e, account);
    if (project != null && project.toLowerCase(Locale.ROOT).contains(query)) {
      return true;
    }
    String client = EntryView.clientName(e, account);
    if (client != null && client.toLowerCase(Locale.ROOT).contains(query)) {
      return true;
    }
    return EntryView.tagNames(e, account).stream()
        .anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(query));
  }
}
