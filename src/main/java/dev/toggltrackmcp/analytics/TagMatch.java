package dev.toggltrackmcp.analytics;

import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One tag an entry must carry: any of {@code ids} (a name shared by several workspaces' tags names
 * them all), or — for an entry whose tag ids the account does not know — a tag called {@code name}
 * in {@code workspaceId} (any workspace when null).
 */
public record TagMatch(Set<Long> ids, String name, @Nullable Long workspaceId) {

  public TagMatch {
    ids = Set.copyOf(ids);
  }

  public boolean carriedBy(TimeEntry e, List<String> tagNames) {
    if (e.tagIds().stream().anyMatch(ids::contains)) {
      return true;
    }
    return (workspaceId == null || workspaceId == e.workspaceId())
        && tagNames.stream().anyMatch(n -> Labels.key(n).equals(Labels.key(name)));
  }
}
