package dev.toggltrackmcp.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Every API request the simulator received (admin calls excluded), for tests to count: what was
 * asked, what the client saw, whether handling it changed the data, and which fault (if any)
 * answered it.
 */
public final class RequestLog {

  /**
   * One request: {@code template} has numbers replaced by {@code {id}} (a list of ids by {@code
   * {ids}}); {@code status} is 0 when no status line was sent (a dropped or stalled answer); {@code
   * stored} when the request changed the data, even if its answer was then lost.
   */
  public record Request(
      String method,
      String path,
      String template,
      String query,
      int status,
      long userId,
      @Nullable Fault fault,
      boolean stored) {
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

  /**
   * Requests to one endpoint that changed the data, e.g. {@code stored("POST",
   * "/api/v9/workspaces/{id}/time_entries")}: exactly one means the write happened once, whatever
   * the client saw.
   */
  public synchronized int stored(String method, String template) {
    return (int)
        requests.stream()
            .filter(r -> r.stored() && r.method().equals(method) && r.template().equals(template))
            .count();
  }

  /** Writes to Track v9 (anything but GET); Reports searches are reads and not counted. */
  public synchronized int nonGetV9() {
    return (int)
        requests.stream()
            .filter(r -> !r.method().equals("GET") && r.path().startsWith("/api/v9"))
            .count();
  }

  /** The requests a fault answered, in order. */
  public synchronized List<Request> faulted() {
    return requests.stream().filter(r -> r.fault() != null).toList();
  }

  public synchronized int answeredBy(Fault fault) {
    return (int) requests.stream().filter(r -> r.fault() == fault).count();
  }

  public synchronized List<Request> snapshot() {
    return List.copyOf(requests);
  }

  public synchronized Map<String, Integer> byEndpoint() {
    Map<String, Integer> counts = new TreeMap<>();
    requests.forEach(r -> counts.merge(r.endpoint(), 1, Integer::sum));
    return counts;
  }

  /** Per endpoint, the requests that changed the data. */
  public synchronized Map<String, Integer> storedByEndpoint() {
    Map<String, Integer> counts = new TreeMap<>();
    requests.stream()
        .filter(Request::stored)
        .forEach(r -> counts.merge(r.endpoint(), 1, Integer::sum));
    return counts;
  }

  public synchronized void reset() {
    requests.clear();
  }

  static String template(String path) {
    return path.replaceAll("/\\d+(,\\d+)+", "/{ids}").replaceAll("/\\d+", "/{id}");
  }
}
