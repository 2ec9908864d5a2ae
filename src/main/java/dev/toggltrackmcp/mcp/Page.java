package dev.toggltrackmcp.mcp;

import java.util.List;
import java.util.Map;

/**
 * One page of a list answer, cut by the {@code limit} (default 100, at most 1000) and {@code
 * offset} arguments, so a model never receives an unbounded blob.
 */
record Page<T>(List<T> items, int total, int offset) {

  static <T> Page<T> of(List<T> all, Arguments args) {
    int limit = args.integer("limit", 100, 1, 1000);
    int offset = args.integer("offset", 0, 0, 1_000_000);
    List<T> items = all.stream().skip(offset).limit(limit).toList();
    return new Page<>(items, all.size(), offset);
  }

  boolean hasMore() {
    return offset + items.size() < total;
  }

  int nextOffset() {
    return offset + items.size();
  }

  /**
   * The paging fields every list result carries: total, returned, offset, has_more, next_offset.
   */
  void describe(Map<String, Object> out) {
    out.put("total", total);
    out.put("returned", items.size());
    out.put("offset", offset);
    out.put("has_more", hasMore());
    out.put("next_offset", hasMore() ? nextOffset() : null);
  }
}
