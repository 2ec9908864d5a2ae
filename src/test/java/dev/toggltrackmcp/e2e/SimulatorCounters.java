package dev.toggltrackmcp.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toggltrackmcp.sandbox.TogglSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The simulator's own counts, read without counting a request: in the test's process, or over the
 * admin API of a simulator living in the server's process (stdio).
 */
interface SimulatorCounters {
  /** Ana's quota buckets as {@code GET /me/quota} would show them. */
  JsonNode quota();

  /** Requests the simulated Toggl has served so far. */
  int requests();

  static SimulatorCounters of(TogglSimulator simulator) {
    return new SimulatorCounters() {
      @Override
      public JsonNode quota() {
        return simulator.quotaCounters(simulator.data().user().id());
      }

      @Override
      public int requests() {
        return simulator.requests().count();
      }
    };
  }

  static SimulatorCounters at(URI simulator) {
    HttpClient http = HttpClient.newHttpClient();
    ObjectMapper json = new ObjectMapper();
    return new SimulatorCounters() {
      @Override
      public JsonNode quota() {
        return get("/_simulator/quota");
      }

      @Override
      public int requests() {
        return get("/_simulator/requests").get("total").asInt();
      }

      private JsonNode get(String path) {
        try {
          HttpRequest request =
              HttpRequest.newBuilder(simulator.resolve(path))
                  .timeout(Duration.ofSeconds(10))
                  .build();
          return json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
          throw new IllegalStateException("the simulator's admin API did not answer", e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    };
  }
}
