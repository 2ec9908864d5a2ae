package dev.toggltrackmcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toggltrackmcp.sandbox.Dataset;
import dev.toggltrackmcp.sandbox.PlantedCases;
import dev.toggltrackmcp.sandbox.World;
import dev.toggltrackmcp.testing.PlantedFindings;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The insight tools through the real MCP stack of each transport: the shape of a month counted from
 * the simulator's records, the timesheet check against the planted week, the quota against the
 * simulator's own counters, the chart as a real PNG whose totals are the summary's.
 */
interface InsightEndToEnd {
  CallToolResult call(String tool, Map<String, Object> args);

  Dataset world();

  SimulatorCounters simulator();

  Expected expected();

  private static String text(CallToolResult r) {
    return ((McpSchema.TextContent) r.content().get(0)).text();
  }

  @Test
  @SuppressWarnings("unchecked")
  default void theAveragesAndShapeOfLastMonthAreExact() {
    LocalDate first = LocalDate.of(2026, 10, 1);
    LocalDate last = LocalDate.of(2026, 10, 31);
    List<World.Entry> october = expected().startingOn(first, last, e -> true);
    Map<LocalDate, Long> byDay = new TreeMap<>();
    october.forEach(
        e -> byDay.merge(LocalDate.ofInstant(e.start(), Expected.BERLIN), e.duration(), Long::sum));
    long total = expected().seconds(october);
    Map<String, Object> s =
        ToolsEndToEndTest.data(call("get_time_summary", Map.of("period", "last_month")));
    assertThat(((Number) s.get("days_with_entries")).intValue()).isEqualTo(byDay.size());
    assertThat(((Number) s.get("average_seconds_per_day")).longValue())
        .isEqualTo(total / byDay.size());
    assertThat(((Number) s.get("workdays_in_range")).intValue()).isEqualTo(22);
    assertThat(((Number) s.get("average_seconds_per_workday")).longValue()).isEqualTo(total / 22);
    Map.Entry<LocalDate, Long> longest =
        byDay.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
    Map<String, Object> day = (Map<String, Object>) s.get("longest_day");
    assertThat(day.get("date")).isEqualTo(longest.getKey().toString());
    assertThat(((Number) day.get("seconds")).longValue()).isEqualTo(longest.getValue());
    Instant start = october.stream().map(World.Entry::start).min(Instant::compareTo).orElseThrow();
    Instant stop = october.stream().map(World.Entry::stop).max(Instant::compareTo).orElseThrow();
    assertThat(s.get("first_entry_start")).isEqualTo(local(start));
    assertThat(s.get("last_entry_stop")).isEqualTo(local(stop));
    Map<String, Object> november =
        ToolsEndToEndTest.data(call("get_time_summary", Map.of("period", "this_month")));
    assertThat(((Number) november.get("workdays_in_range")).intValue())
        .as("Mon–Fri from the 2nd through today, the 25th")
        .isEqualTo(18);
  }

  private static String local(Instant t) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
        t.atZone(Expected.BERLIN).toOffsetDateTime());
  }

  @Test
  default void checkTimesheetFindsEveryPlantedCaseAndNothingInTheCleanWeek() {
    PlantedCases planted = world().planted();
    Map<String, Object> last = ToolsEndToEndTest.data(call("check_timesheet", Map.of()));
    assertThat(PlantedFindings.of(last)).isEqualTo(PlantedFindings.expected(planted));
    Map<String, Object> clean =
        ToolsEndToEndTest.data(
            call(
                "check_timesheet",
                Map.of(
                    "start_date", planted.cleanWeek().toString(),
                    "end_date", planted.cleanWeek().plusDays(6).toString())));
    assertThat(PlantedFindings.of(clean)).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  default void getApiQuotaShowsTheSimulatorsCountersAndSaysWhatItCost() {
    call("get_time_summary", Map.of("period", "this_week"));
    for (int round = 0; round < 2; round++) {
      int before = simulator().requests();
      CallToolResult r = call("get_api_quota", Map.of());
      Map<String, Object> out = ToolsEndToEndTest.data(r);
      int cost = simulator().requests() - before;
      assertThat(((Number) out.get("toggl_requests_for_this_answer")).intValue()).isEqualTo(cost);
      if (round == 1) {
        assertThat(cost).as("the first answer left every bucket known").isZero();
        assertThat(text(r)).contains("cost no request");
      }
      Map<String, JsonNode> counters = new HashMap<>();
      simulator().quota().forEach(b -> counters.put(b.get("organization_id").asText("user"), b));
      List<Map<String, Object>> buckets = (List<Map<String, Object>>) out.get("buckets");
      assertThat(buckets).hasSize(counters.size());
      for (Map<String, Object> b : buckets) {
        Object org = b.get("organization_id");
        JsonNode c = counters.get(org == null ? "user" : org.toString());
        assertThat(c).as(b.toString()).isNotNull();
        assertThat(((Number) b.get("remaining")).intValue())
            .as(b.toString())
            .isEqualTo(c.get("remaining").asInt());
        // headers carry whole seconds, so the reset can read one second earlier than Toggl's own
        assertThat(((Number) b.get("resets_in_seconds")).longValue())
            .isBetween(c.get("resets_in_secs").asLong() - 1, c.get("resets_in_secs").asLong());
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  default void getTimeChartIsAPngOfTheDeclaredSizeWithTheSummarysTotals() throws Exception {
    CallToolResult chart = call("get_time_chart", Map.of("period", "last_week"));
    Map<String, Object> out = ToolsEndToEndTest.data(chart);
    McpSchema.ImageContent image =
        chart.content().stream()
            .filter(McpSchema.ImageContent.class::isInstance)
            .map(McpSchema.ImageContent.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(image.mimeType()).isEqualTo("image/png");
    BufferedImage png =
        ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(image.data())));
    Map<String, Object> declared = (Map<String, Object>) out.get("image");
    assertThat(png.getWidth()).isEqualTo(((Number) declared.get("width")).intValue());
    assertThat(png.getHeight()).isEqualTo(((Number) declared.get("height")).intValue());
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < png.getHeight(); y += 4) {
      for (int x = 0; x < png.getWidth(); x += 4) {
        colours.add(png.getRGB(x, y));
      }
    }
    assertThat(colours).as("not a blank image").hasSizeGreaterThan(10);
    String summary =
        text(call("get_time_summary", Map.of("period", "last_week", "group_by", List.of("day"))));
    String table = summary.substring(summary.indexOf("By day:\n"));
    assertThat(text(chart)).contains(table);
    String total = summary.substring(0, summary.indexOf(" in ")); // "Total 55:24 (55.40 h)"
    assertThat(text(chart)).contains(total);
  }
}
