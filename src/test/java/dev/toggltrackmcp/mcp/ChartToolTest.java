package dev.toggltrackmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toggltrackmcp.analytics.ChartSeries;
import dev.toggltrackmcp.testing.SimulatedWorld;
import io.modelcontextprotocol.spec.McpSchema;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code get_time_chart}: a real PNG of the declared size, with the summary's own totals. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class ChartToolTest {
  private final SimulatedWorld sim = new SimulatedWorld();
  private final TogglTools tools = sim.server(sim.settings()).tools();

  @AfterAll
  void stop() {
    sim.close();
  }

  static BufferedImage decode(McpSchema.CallToolResult r) throws IOException {
    McpSchema.ImageContent image =
        r.content().stream()
            .filter(McpSchema.ImageContent.class::isInstance)
            .map(McpSchema.ImageContent.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(image.mimeType()).isEqualTo("image/png");
    BufferedImage png =
        ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(image.data())));
    assertThat(png).as("ImageIO reads it as an image").isNotNull();
    return png;
  }

  /** Distinct colours in the picture: a blank or one-colour image has one or two. */
  static int colours(BufferedImage png) {
    Set<Integer> seen = new HashSet<>();
    for (int y = 0; y < png.getHeight(); y += 3) {
      for (int x = 0; x < png.getWidth(); x += 3) {
        seen.add(png.getRGB(x, y));
      }
    }
    return seen.size();
  }

  /** The "By …:" table of a text (everything after that line). */
  static String table(String text, String dimension) {
    int at = text.indexOf("By " + dimension + ":\n");
    assertThat(at).as(text).isNotNegative();
    return text.substring(at).split("\n\n")[0];
  }

  private static String text(McpSchema.CallToolResult r) {
    return ((McpSchema.TextContent) r.content().get(0)).text();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aDayChartIsAPngOfTheDeclaredSizeWithTheSummarysTotals() throws IOException {
    McpSchema.CallToolResult chart = tools.call("get_time_chart", Map.of("period", "last_week"));
    assertThat(chart.isError()).as(text(chart)).isFalse();
    Map<String, Object> out = (Map<String, Object>) chart.structuredContent();
    Map<String, Object> image = (Map<String, Object>) out.get("image");
    BufferedImage png = decode(chart);
    assertThat(png.getWidth()).isEqualTo(image.get("width"));
    assertThat(png.getHeight()).isEqualTo(image.get("height"));
    assertThat(colours(png)).as("bars, legend and text, not a blank image").isGreaterThan(10);
    assertThat((List<Map<String, Object>>) out.get("bars")).hasSize(7); // every day of the week
    McpSchema.CallToolResult summary =
        tools.call("get_time_summary", Map.of("period", "last_week", "group_by", List.of("day")));
    assertThat(table(text(chart), "day")).isEqualTo(table(text(summary), "day"));
    assertThat(out.get("total_seconds"))
        .isEqualTo(((Map<String, Object>) summary.structuredContent()).get("total_seconds"));
  }

  @ParameterizedTest(name = "{0} by {1}")
  @CsvSource({
    "this_quarter, week, client",
    "this_month, project, billable",
    "last_month, client, none",
    "this_month, day, billable",
    "this_year, week, project"
  })
  @SuppressWarnings("unchecked")
  void everyBarAndStackAddsUpToTheSummary(String period, String groupBy, String stackBy)
      throws IOException {
    McpSchema.CallToolResult chart =
        tools.call(
            "get_time_chart", Map.of("period", period, "group_by", groupBy, "stack_by", stackBy));
    assertThat(chart.isError()).as(text(chart)).isFalse();
    decode(chart);
    Map<String, Object> out = (Map<String, Object>) chart.structuredContent();
    long total = ((Number) out.get("total_seconds")).longValue();
    List<Map<String, Object>> bars = (List<Map<String, Object>>) out.get("bars");
    assertThat(bars.stream().mapToLong(b -> ((Number) b.get("seconds")).longValue()).sum())
        .isEqualTo(total);
    for (Map<String, Object> b : bars) {
      assertThat(
              ((List<Map<String, Object>>) b.get("parts"))
                  .stream().mapToLong(p -> ((Number) p.get("seconds")).longValue()).sum())
          .as(b.toString())
          .isEqualTo(((Number) b.get("seconds")).longValue());
    }
    McpSchema.CallToolResult summary =
        tools.call("get_time_summary", Map.of("period", period, "group_by", List.of(groupBy)));
    assertThat(table(text(chart), groupBy)).isEqualTo(table(text(summary), groupBy));
    assertThat(total)
        .isEqualTo(
            ((Number) ((Map<String, Object>) summary.structuredContent()).get("total_seconds"))
                .longValue());
  }

  @Test
  void namesNoFontCanShowAreDrawnAsQuestionMarksNotACrash() throws IOException {
    String japanese = "東京デザイン";
    String ancient = "\uD800\uDF30\uD800\uDF31"; // Gothic letters: hardly any font has them
    ChartSeries series =
        new ChartSeries(
            List.of(new ChartSeries.Bar("1", japanese, 7200, List.of(3600L, 3600L))),
            List.of(
                new ChartSeries.Stack("1", japanese, null, 3600),
                new ChartSeries.Stack("2", ancient, "#2da608", 3600)),
            7200);
    ChartPainter.headless();
    ChartPainter.Painted painted = ChartPainter.paint(series, "Hours by client", List.of(japanese));
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(painted.png()));
    assertThat(png.getWidth()).isEqualTo(ChartPainter.WIDTH);
    assertThat(painted.namesChanged()).isEqualTo(!anyFontShows(japanese) || !anyFontShows(ancient));
  }

  private static boolean anyFontShows(String text) {
    return Arrays.stream(
            GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
        .anyMatch(f -> new Font(f, Font.PLAIN, 12).canDisplayUpTo(text) == -1);
  }
}
