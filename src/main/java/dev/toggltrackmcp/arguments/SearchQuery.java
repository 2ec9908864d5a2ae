package dev.toggltrackmcp.arguments;

import dev.toggltrackmcp.analytics.SearchField;
import dev.toggltrackmcp.analytics.TextSearch;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** {@code query} and {@code search_in}: text to look for and where (default: every field). */
public record SearchQuery(@Nullable String text, Set<SearchField> in) {
  public static final List<String> ARGUMENTS = List.of("query", "search_in");
  public static final List<SearchField> FIELDS = Arrays.asList(SearchField.values());

  public SearchQuery {
    in = in.isEmpty() ? EnumSet.allOf(SearchField.class) : EnumSet.copyOf(in);
  }

  public static SearchQuery read(Arguments args) {
    String text = args.text("query");
    List<SearchField> in = args.choices("search_in", FIELDS, SearchField::argumentName);
    if (in != null && text == null) {
      throw new InvalidArgument(
          "search_in",
          "search_in says where to look for the query, so it needs a query too, e.g."
              + " {\"query\": \"meeting\", \"search_in\": [\"description\"]}.");
    }
    if (in != null && in.isEmpty()) {
      throw new InvalidArgument(
          "search_in",
          "search_in needs at least one of description, project, client, tag (or leave it out to"
              + " search them all).");
    }
    return new SearchQuery(text, in == null ? Set.of() : EnumSet.copyOf(in));
  }

  public @Nullable TextSearch search() {
    return text == null ? null : new TextSearch(text, in);
  }
}
