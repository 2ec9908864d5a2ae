package dev.toggltrackmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.testing.CsvRows;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV writer against an independent RFC 4180 parser. */
class CsvTest {

  @Test
  void awkwardTextParsesBackCellForCell() {
    List<String> header = List.of("id", "description", "client", "hours");
    List<List<String>> rows =
        List.of(
            List.of("1", "Call, then notes", "Acme Corp", "1.50"),
            List.of("2", "He said \"ship it\"", "Müller & Söhne GmbH", "0.25"),
            List.of("3", "Two lines\nand a CRLF\r\nthird", "東京デザイン", "2.00"),
            List.of("4", "", "Café Lumière", "0.00"),
            List.of("6", "Only a newline\nhere", "Globex", "0.50"),
            List.of("5", "\"\"", "Škoda Digital 🚗", "10.00"));
    Csv csv = new Csv(header);
    rows.forEach(csv::row);
    assertThat(CsvRows.parse(csv.text())).containsExactlyElementsOf(concat(header, rows));
  }

  @Test
  void linesEndWithCrlfAndOnlyFieldsThatNeedItAreQuoted() {
    String text = new Csv(List.of("a", "b")).row(List.of("plain", "x,y")).text();
    assertThat(text).isEqualTo("a,b\r\nplain,\"x,y\"\r\n");
  }

  @Test
  void textThatASpreadsheetWouldRunIsDefused() {
    assertThat(Csv.text("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
    assertThat(Csv.text("+1")).isEqualTo("'+1");
    assertThat(Csv.text("-fix")).isEqualTo("'-fix");
    assertThat(Csv.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(Csv.text("Deploy release")).isEqualTo("Deploy release");
    assertThat(Csv.text("")).isEmpty();
  }

  private static List<List<String>> concat(List<String> header, List<List<String>> rows) {
    List<List<String>> all = new java.util.ArrayList<>();
    all.add(header);
    all.addAll(rows);
    return all;
  }
}
