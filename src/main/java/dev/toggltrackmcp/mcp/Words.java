package dev.toggltrackmcp.mcp;

import java.util.List;

/** Small pieces of English the answers share: counts with the right plural, lists with "and". */
final class Words {
  private Words() {}

  /** {@code 1 entry}, {@code 2 entries}, {@code 0 entries}. */
  static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** {@code a}, {@code a and b}, {@code a, b and c}. */
  static String and(List<String> items) {
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " and "
        + items.get(items.size() - 1);
  }
}
