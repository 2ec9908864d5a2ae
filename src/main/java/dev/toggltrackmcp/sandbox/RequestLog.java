package dev.toggltrackmcp.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every API request the simulator answered (admin calls excluded), for tests to count. */
public final class RequestLog {

  /** One request: {@code template} has numbers replaced by {@code {id}}. */
  public record Request(String method, String path, String template, String query, int status) {
    public String endpoint() {
      return method + " " + template;
    }
  }

  private final List<Request> requests = new ArrayList<>();

  synchronized void add(Request r) {
    requests.add(r);
  }

  public synchronized int count() {
    return requests.size();
  }

  /** Requests to one endpoint, e.g. {@code count("GET", "/api/v9/me/time_entries")}. */
  public synchronized int count(String method, String template) {
    return (int)
        requests.stream()
            .filter(r -> r.method().equals(method) && r.template().equals(template))
            .count();
  }

  /** Writes to Track v9 (anything but GET); Reports searches are reads and not counted. */
  public synchronized int nonGetV9() {
    return (int)
        requests.stream()
            .filter(r -> !r.method().equals("GET") && r.path().startsWith("/api/v9"))
            .count();
  }

  public synchronized List<Request> snapshot() {
    return List.copyOf(requests);
  }

  public synchronized Map<String, Integer> byEndpoint() {
    Map<String, Integer> counts = new TreeMap<>();
    requests.forEach(r -> counts.merge(r.endpoint(), 1, Integer::sum));
    return counts;
  }

  public synchronized void reset() {
    requests.clear();
  }

  static String template(String path) {
    return path.replaceAll("/\\d+", "/{id}");
  }
}
