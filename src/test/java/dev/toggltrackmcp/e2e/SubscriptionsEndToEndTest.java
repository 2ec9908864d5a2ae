package dev.toggltrackmcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toggltrackmcp.testing.SimulatorControl;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * {@code resources/subscribe} to {@code toggl://current-entry}: the simulated Toggl changes the
 * running entry, the clock moves past the 30-second freshness of "what runs now", the next read
 * syncs, and the subscribed session is told ({@code notifications/resources/updated}; the SDK's
 * client then reads the resource again and hands us its contents). Run once per transport.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SubscriptionsEndToEndTest {
  static final String CURRENT = "toggl://current-entry";
  private static final Duration PAST_FRESHNESS = Duration.ofSeconds(31);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the client heard, in order: the contents it read after each notification. */
  final BlockingQueue<List<McpSchema.ResourceContents>> heard = new LinkedBlockingQueue<>();

  abstract McpSyncClient client();

  abstract SimulatorControl simulator();

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void subscribersHearWhenTheRunningEntryStartsOrStopsAndOnlyThen() throws Exception {
    client().subscribeResource(new McpSchema.SubscribeRequest(CURRENT));
    assertThat(current()).containsEntry("running", true);

    // Over HTTP the session's listening stream opens asynchronously after initialize, and a
    // notification sent before it is open is lost (Streamable HTTP keeps no backlog), so the first
    // change is repeated until one is heard; over stdio the first one always is.
    Map<String, Object> first = null;
    String started = null;
    for (int attempt = 0; attempt < 5 && first == null; attempt++) {
      started = "Started in the app " + attempt;
      startInTheApp(started);
      first = next(Duration.ofSeconds(attempt == 0 ? 10 : 5));
    }
    assertThat(first).as("a notification after the running entry changed").isNotNull();
    assertThat(first).containsEntry("running", true);
    assertThat(description(first)).isEqualTo(started);

    // a sync that sees no change says nothing; the next real change is the next thing heard
    int before = simulator().requests();
    simulator().advanceClock(PAST_FRESHNESS);
    assertThat(description(current())).isEqualTo(started);
    simulator().stopRunningEntry();
    simulator().advanceClock(PAST_FRESHNESS);
    assertThat(current()).containsEntry("running", false);
    Map<String, Object> stopped = next(Duration.ofSeconds(30));
    assertThat(stopped).as("the stop was heard").isNotNull().containsEntry("running", false);
    assertThat(simulator().requests() - before).as("one small sync per read").isEqualTo(2);

    // after unsubscribing nothing is heard; subscribed again, the next change is
    client().unsubscribeResource(new McpSchema.UnsubscribeRequest(CURRENT));
    startInTheApp("Unheard");
    client().subscribeResource(new McpSchema.SubscribeRequest(CURRENT));
    startInTheApp("Heard again");
    Map<String, Object> again = next(Duration.ofSeconds(30));
    assertThat(again).isNotNull();
    assertThat(description(again)).isEqualTo("Heard again");
    assertThat(heard).isEmpty();
  }

  /**
   * Starts an entry in the simulated Toggl (stopping the running one), moves time past freshness,
   * and reads the resource, which syncs and so sees the change.
   */
  private void startInTheApp(String description) {
    simulator().startEntry(description, nowMinus(Duration.ofMinutes(1)));
    simulator().advanceClock(PAST_FRESHNESS);
    assertThat(description(current())).isEqualTo(description);
  }

  private Instant nowMinus(Duration d) {
    return simulator().advanceClock(Duration.ZERO).minus(d);
  }

  private Map<String, Object> current() {
    McpSchema.ReadResourceResult r =
        client().readResource(new McpSchema.ReadResourceRequest(CURRENT));
    return parse(r.contents());
  }

  private Map<String, Object> next(Duration within) throws InterruptedException {
    List<McpSchema.ResourceContents> c = heard.poll(within.toMillis(), TimeUnit.MILLISECONDS);
    return c == null ? null : parse(c);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(List<McpSchema.ResourceContents> contents) {
    assertThat(contents).hasSize(1);
    McpSchema.TextResourceContents c = (McpSchema.TextResourceContents) contents.get(0);
    assertThat(c.uri()).isEqualTo(CURRENT);
    try {
      return JSON.readValue(c.text(), Map.class);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + c.text(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static String description(Map<String, Object> current) {
    Map<String, Object> entry = (Map<String, Object>) current.get("entry");
    return entry == null ? null : (String) entry.get("description");
  }
}
