package dev.toggltrackmcp.analytics;

import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a person usually puts on an entry like this one, from their history: the project they use
 * with a description, the description they use on a project, the tags on a project and description.
 * A fix suggests these; twice seen is the least that counts as usual.
 */
public final class UsualValues {
  private static final int LEAST = 2;

  private final Map<String, Map<Long, Integer>> projectByDescription = new HashMap<>();
  private final Map<Long, Map<String, Integer>> descriptionByProject = new HashMap<>();
  private final Map<String, Map<List<String>, Integer>> tagsByProjectAndDescription =
      new HashMap<>();
  private final Map<Long, Map<List<String>, Integer>> tagsByProject = new HashMap<>();

  private UsualValues() {}

  public static UsualValues of(List<TimeEntry> history, Account account) {
    UsualValues u = new UsualValues();
    for (TimeEntry e : history) {
      String text = e.description().trim();
      List<String> tags = EntryView.tagNames(e, account).stream().sorted().toList();
      if (e.projectId() != null && !text.isEmpty()) {
        u.projectByDescription
            .computeIfAbsent(key(e.workspaceId(), text), k -> new HashMap<>())
            .merge(e.projectId(), 1, Integer::sum);
      }
      if (e.projectId() != null && !text.isEmpty()) {
        u.descriptionByProject
            .computeIfAbsent(e.projectId(), k -> new HashMap<>())
            .merge(text, 1, Integer::sum);
      }
      if (e.projectId() != null && !tags.isEmpty()) {
        u.tagsByProject
            .computeIfAbsent(e.projectId(), k -> new HashMap<>())
            .merge(tags, 1, Integer::sum);
        u.tagsByProjectAndDescription
            .computeIfAbsent(e.projectId() + "|" + lower(text), k -> new HashMap<>())
            .merge(tags, 1, Integer::sum);
      }
    }
    return u;
  }

  /** The project most used with this description in this workspace. */
  public Optional<Long> projectFor(long workspaceId, String description) {
    return most(projectByDescription.get(key(workspaceId, description.trim())));
  }

  public Optional<String> descriptionFor(long projectId) {
    return most(descriptionByProject.get(projectId));
  }

  /** The tags most used with this project and description, else with this project. */
  public Optional<List<String>> tagsFor(@Nullable Long projectId, String description) {
    if (projectId == null) {
      return Optional.empty();
    }
    Optional<List<String>> exact =
        most(tagsByProjectAndDescription.get(projectId + "|" + lower(description.trim())));
    return exact.isPresent() ? exact : most(tagsByProject.get(projectId));
  }

  private static <T> Optional<T> most(@Nullable Map<T, Integer> counts) {
    if (counts == null) {
      return Optional.empty();
    }
    return counts.entrySet().stream()
        .filter(c -> c.getValue() >= LEAST)
        .max(Map.Entry.<T, Integer>comparingByValue().thenComparing(c -> c.getKey().toString()))
        .map(Map.Entry::getKey);
  }

  private static String key(long workspaceId, String description) {
    return workspaceId + "|" + lower(description);
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
