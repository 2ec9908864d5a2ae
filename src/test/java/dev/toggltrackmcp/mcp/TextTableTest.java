package dev.toggltrackmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTableTest {
  @Test
  void columnsLineUpWithWideAndAccentedNames() {
    String table =
        new TextTable("Client", "Time")
            .alignRight(1)
            .row("東京デザイン", "1:00")
            .row("Müller & Söhne GmbH", "12:30")
            .toString();
    String[] lines = table.split("\n");
    int end = TextTable.displayWidth(lines[2]);
    assertThat(TextTable.displayWidth(lines[3])).isEqualTo(end);
    assertThat(TextTable.displayWidth(lines[0])).isEqualTo(end);
  }
}
