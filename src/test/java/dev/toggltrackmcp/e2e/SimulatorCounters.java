package dev.toggltrackmcp.e2e;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toggltrackmcp.sandbox.Fault;
import dev.toggltrackmcp.sandbox.TogglSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The simulator's own counts, read without counting a request: in the test's process, or over the
 * admin API of a simulator living in the server's process (stdio). The write tests also arm faults
 * and play the user changing data in the Toggl app.
 */
interface SimulatorCounters {
  /** Ana's quota buckets as {@code GET /me/quota} would show them. */
  JsonNode quota();

  /** Requests the simulated Toggl has served so far. */
  int requests();

  /** Requests per endpoint, e.g. {@code "POST /api/v9/workspaces/{id}/time_entries"}. */
  Map<String, Integer> byEndpoint();

  /** Per endpoint, the requests that stored a change (also those whose answer a fault lost). */
  Map<String, Integer> storedByEndpoint();

  /** Track v9 requests that were not GETs: writes, and nothing else. */
  int nonGetV9();

  /** The next request with {@code method} to a path starting with {@code pathPrefix} gets it. */
  void fault(Fault fault, String method, String pathPrefix);

  /** Deletes an entry as the user would in the Toggl app (not a request of ours). */
  void deleteInToggl(long entryId);

  static SimulatorCounters of(TogglSimulator simulator) {
    SimulatorCounters admin = at(simulator.baseUrl());
    return new SimulatorCounters() {
      @Override
      public JsonNode quota() {
        return simulator.quotaCounters(simulator.data().user().id());
      }

      @Override
      public int requests() {
        return simulator.requests().count();
      }

      @Override
      public Map<String, Integer> byEndpoint() {
        return simulator.requests().byEndpoint();
      }

      @Override
      public Map<String, Integer> storedByEndpoint() {
        return simulator.requests().storedByEndpoint();
      }

      @Override
      public int nonGetV9() {
        return simulator.requests().nonGetV9();
      }

      @Override
      public void fault(Fault fault, String method, String pathPrefix) {
        simulator.faults().next(1, fault, method, pathPrefix);
      }

      @Override
      public void deleteInToggl(long entryId) {
        admin.deleteInToggl(entryId);
      }
    };
  }

  static SimulatorCounters at(URI simulator) {
    HttpClient http = HttpClient.newHttpClient();
    ObjectMapper json = new ObjectMapper();
    TypeReference<Map<String, Integer>> counts = new TypeReference<>() {};
    return new SimulatorCounters() {
      @Override
      public JsonNode quota() {
        return get("/_simulator/quota");
      }

      @Override
      public int requests() {
        return get("/_simulator/requests").get("total").asInt();
      }

      @Override
      public Map<String, Integer> byEndpoint() {
        return json.convertValue(get("/_simulator/requests").get("by_endpoint"), counts);
      }

      @Override
      public Map<String, Integer> storedByEndpoint() {
        return json.convertValue(get("/_simulator/requests").get("stored_by_endpoint"), counts);
      }

      @Override
      public int nonGetV9() {
        return get("/_simulator/requests").get("non_get_v9").asInt();
      }

      @Override
      public void fault(Fault fault, String method, String pathPrefix) {
        post(
            "/_simulator/faults",
            json.createObjectNode()
                .put("kind", fault.name())
                .put("count", 1)
                .put("method", method)
                .put("path_prefix", pathPrefix)
                .toString());
      }

      @Override
      public void deleteInToggl(long entryId) {
        post("/_simulator/entries/" + entryId + "/delete", "");
      }

      private JsonNode get(String path) {
        return send(HttpRequest.newBuilder(simulator.resolve(path)).GET());
      }

      private JsonNode post(String path, String body) {
        return send(
            HttpRequest.newBuilder(simulator.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
      }

      private JsonNode send(HttpRequest.Builder request) {
        try {
          HttpResponse<String> r =
              http.send(
                  request.timeout(Duration.ofSeconds(10)).build(),
                  HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() != 200) {
            throw new IllegalStateException("simulator admin answered " + r.statusCode());
          }
          return json.readTree(r.body());
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
