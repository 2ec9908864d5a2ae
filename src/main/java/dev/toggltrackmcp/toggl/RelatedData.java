package dev.toggltrackmcp.toggl;

import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.util.List;

/**
 * What one {@code GET /me?with_related_data=true} brings: the account and the entries of about the
 * last ten days (running one included, deleted ones not).
 */
public record RelatedData(Account account, List<TimeEntry> recentEntries) {
  public RelatedData {
    recentEntries = List.copyOf(recentEntries);
  }
}
