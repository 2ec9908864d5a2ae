package dev.toggltrackmcp.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives a simulator through its admin API ({@code /_simulator/…}), so a test does the same to a
 * simulator in its own process and to one inside a {@code demo} child process: count requests, move
 * the clock, start and stop the running entry.
 */
public final class SimulatorControl {
  private static final Pattern ANNOUNCED = Pattern.compile("simulated Toggl at (http://\\S+)");
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI base;

  public SimulatorControl(URI base) {
    this.base = base;
  }

  /** Completes with the simulator's address once {@code demo} prints it on stderr. */
  public static final class Announcement {
    private final CompletableFuture<URI> seen = new CompletableFuture<>();

    public void line(String stderrLine) {
      Matcher m = ANNOUNCED.matcher(stderrLine);
      if (m.find()) {
        seen.complete(URI.create(m.group(1)));
      }
    }

    public SimulatorControl control() throws Exception {
      return new SimulatorControl(seen.get(30, TimeUnit.SECONDS));
    }
  }

  /** Toggl requests the simulator has answered (admin calls not counted). */
  public int requests() {
    return get("/_simulator/requests").path("total").asInt();
  }

  public Instant advanceClock(Duration by) {
    return Instant.parse(
        post("/_simulator/clock/advance?seconds=" + by.toSeconds(), "").path("now").asText());
  }

  public void stopRunningEntry() {
    post("/_simulator/running/stop", "");
  }

  /** Starts a running entry at {@code start} (without project or tags); returns its id. */
  public long startEntry(String description, Instant start) {
    String body =
        JSON.createObjectNode()
            .put("description", description)
            .put("start", start.toString())
            .putNull("stop")
            .toString();
    return post("/_simulator/entries", body).path("id").asLong();
  }

  private JsonNode get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  private JsonNode post(String path, String body) {
    return send(
        HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private JsonNode send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r =
          http.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(
            "simulator admin answered " + r.statusCode() + ": " + r.body());
      }
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
