package dev.toggltrackmcp.analytics;

import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Which entries a question is about, in resolved ids. Every condition given must hold. */
public record EntryFilter(
    @Nullable Long workspaceId,
    @Nullable Long projectId,
    @Nullable Long clientId,
    List<TagMatch> tags,
    @Nullable Boolean billable,
    @Nullable TextSearch search) {

  public EntryFilter {
    tags = List.copyOf(tags);
  }

  public static EntryFilter everything() {
    return new EntryFilter(null, null, null, List.of(), null, null);
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
    if (!tags.isEmpty()) {
      List<String> names = EntryView.tagNames(e, account);
      if (!tags.stream().allMatch(t -> t.carriedBy(e, names))) {
        return false;
      }
    }
    return search == null || !search.matchedIn(e, account).isEmpty();
  }
}
