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
        width[i] = Math.max(width[i], r[i].codePointCount(0, r[i].length()));
      }
    }
    StringBuilder out = new StringBuilder();
    for (int n = 0; n < rows.size(); n++) {
      String[] r = rows.get(n);
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        String pad = " ".repeat(width[i] - r[i].codePointCount(0, r[i].length()));
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
}
