package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.arguments.Paging;
import java.util.List;
import java.util.Map;

/**
 * One page of a list answer, cut by the {@code limit} (default 100, at most 1000) and {@code
 * offset} arguments, so a model never receives an unbounded blob.
 */
record Page<T>(List<T> items, int total, int offset) {

  static <T> Page<T> of(List<T> all, Paging paging) {
    List<T> items = all.stream().skip(paging.offset()).limit(paging.limit()).toList();
    return new Page<>(items, all.size(), paging.offset());
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
