package dev.toggltrackmcp.mcp;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns, for answers a person reads in a chat. */
final class TextTable {
  private static final int WIDEST = 40;
  private final List<String[]> rows = new ArrayList<>();
  private final boolean[] rightAligned;

  TextTable(String... header) {
    rows.add(header);
    rightAligned = new boolean[header.length];
  }

  TextTable alignRight(int... columns) {
    for (int c : columns) {
      rightAligned[c] = true;
    }
    return this;
  }

  TextTable row(Object... cells) {
    String[] r = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      String s = cells[i] == null ? "" : cells[i].toString().replaceAll("\\s+", " ");
      r[i] = s.length() > WIDEST ? s.substring(0, WIDEST - 1) + "…" : s;
    }
    rows.add(r);
    return this;
  }

  boolean isEmpty() {
    return rows.size() == 1;
  }

  @Override
  public String toString() {
    int[] width = new int[rows.get(0).length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], displayWidth(r[i]));
      }
    }
    StringBuilder out = new StringBuilder();
    for (int n = 0; n < rows.size(); n++) {
      String[] r = rows.get(n);
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        String pad = " ".repeat(width[i] - displayWidth(r[i]));
        line.append(rightAligned[i] ? pad + r[i] : r[i] + pad);
        if (i < r.length - 1) {
          line.append("  ");
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
      if (n == 0) {
        int total = 0;
        for (int w : width) {
          total += w + 2;
        }
        out.append("-".repeat(Math.max(0, total - 2))).append('\n');
      }
    }
    return out.toString();
  }

  /** Columns a terminal gives the text: CJK and other wide characters take two. */
  static int displayWidth(String s) {
    return s.codePoints().map(c -> isWide(c) ? 2 : 1).sum();
  }

  private static boolean isWide(int c) {
    return (c >= 0x1100 && c <= 0x115F)
        || (c >= 0x2E80 && c <= 0xA4CF)
        || (c >= 0xAC00 && c <= 0xD7A3)
        || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0xFE30 && c <= 0xFE4F)
        || (c >= 0xFF00 && c <= 0xFF60)
        || (c >= 0xFFE0 && c <= 0xFFE6)
        || (c >= 0x1F300 && c <= 0x1FAFF)
        || (c >= 0x20000 && c <= 0x3FFFD);
  }
}
