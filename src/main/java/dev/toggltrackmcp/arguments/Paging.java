package dev.toggltrackmcp.arguments;

import java.util.List;

/** The {@code limit} (default 100, at most 1000) and {@code offset} of a list answer. */
public record Paging(int limit, int offset) {
  public static final int DEFAULT_LIMIT = 100;
  public static final int LARGEST_LIMIT = 1000;
  public static final int LARGEST_OFFSET = 1_000_000;
  public static final List<String> ARGUMENTS = List.of("limit", "offset");

  public static Paging read(Arguments args) {
    return new Paging(
        args.integer("limit", DEFAULT_LIMIT, 1, LARGEST_LIMIT),
        args.integer("offset", 0, 0, LARGEST_OFFSET));
  }
}
