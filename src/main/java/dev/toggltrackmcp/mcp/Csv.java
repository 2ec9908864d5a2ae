package dev.toggltrackmcp.mcp;

import java.util.List;

/**
 * Comma-separated values as RFC 4180 writes them: a header row, CRLF line ends, a field holding a
 * comma, a quote or a line break quoted with its quotes doubled. Text cells that a spreadsheet
 * would run as a formula (starting with {@code = + - @}, a tab or a CR) get a leading apostrophe,
 * as OWASP advises, so an entry's description can never execute in a user's spreadsheet.
 */
final class Csv {
  private final StringBuilder out = new StringBuilder();

  Csv(List<String> header) {
    row(header);
  }

  Csv row(List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(cells.get(i)));
    }
    out.append("\r\n");
    return this;
  }

  String text() {
    return out.toString();
  }

  static String field(String value) {
    boolean quoted =
        value.indexOf(',') >= 0
            || value.indexOf('"') >= 0
            || value.indexOf('\n') >= 0
            || value.indexOf('\r') >= 0;
    return quoted ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }

  /** A cell of free text (descriptions, names), defused against formula injection. */
  static String text(String value) {
    if (value.isEmpty()) {
      return value;
    }
    char first = value.charAt(0);
    boolean formula =
        first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r';
    return formula ? "'" + value : value;
  }
}
