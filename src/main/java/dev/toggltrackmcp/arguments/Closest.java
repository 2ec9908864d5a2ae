package dev.toggltrackmcp.arguments;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The candidates nearest to what was typed: those whose name contains it first, then by edit
 * distance of the name; each shown as its label.
 */
final class Closest {
  private Closest() {}

  static <T> List<String> to(
      String typed,
      List<T> candidates,
      Function<T, String> shown,
      Function<T, String> name,
      int most) {
    String wanted = typed.toLowerCase(Locale.ROOT);
    Function<T, String> lower = name.andThen(n -> n.toLowerCase(Locale.ROOT));
    return candidates.stream()
        .sorted(
            Comparator.comparingInt((T c) -> lower.apply(c).contains(wanted) ? 0 : 1)
                .thenComparingInt(c -> distance(lower.apply(c), wanted))
                .thenComparing(shown))
        .map(shown)
        .distinct()
        .limit(most)
        .toList();
  }

  /** Levenshtein distance over the first 64 characters (names longer than that are rare). */
  static int distance(String a, String b) {
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
