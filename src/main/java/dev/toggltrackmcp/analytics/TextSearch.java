package dev.toggltrackmcp.analytics;

import dev.toggltrackmcp.toggl.model.Account;
import dev.toggltrackmcp.toggl.model.TimeEntry;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Text to find in some fields of an entry, case-insensitive: the description, the project's name,
 * the client's name, the tag names.
 */
public record TextSearch(String text, Set<SearchField> fields) {

  public TextSearch {
    text = text.trim().toLowerCase(Locale.ROOT);
    fields = fields.isEmpty() ? EnumSet.allOf(SearchField.class) : EnumSet.copyOf(fields);
    if (text.isEmpty()) {
      throw new IllegalArgumentException("a search needs text");
    }
  }

  /** The fields of {@code e} that contain the text, in the order of {@link SearchField}. */
  public Set<SearchField> matchedIn(TimeEntry e, Account account) {
    Set<SearchField> found = EnumSet.noneOf(SearchField.class);
    for (SearchField f : fields) {
      if (contains(f, e, account)) {
        found.add(f);
      }
    }
    return found;
  }

  private boolean contains(SearchField f, TimeEntry e, Account account) {
    return switch (f) {
      case DESCRIPTION -> has(e.description());
      case PROJECT -> has(EntryView.projectName(e, account));
      case CLIENT -> has(EntryView.clientName(e, account));
      case TAG -> EntryView.tagNames(e, account).stream().anyMatch(this::has);
    };
  }

  private boolean has(String value) {
    return value != null && value.toLowerCase(Locale.ROOT).contains(text);
  }
}
