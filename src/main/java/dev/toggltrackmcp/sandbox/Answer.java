package dev.toggltrackmcp.sandbox;

import java.util.Map;

/** One HTTP answer of the simulator; {@code stored} when handling it changed the data. */
record Answer(int status, String body, Map<String, String> headers, boolean stored) {
  Answer(int status, String body, Map<String, String> headers) {
    this(status, body, headers, false);
  }

  static Answer json(Object node) {
    return new Answer(200, node.toString(), Map.of());
  }

  /** A successful write: {@code node} is its answer. */
  static Answer stored(Object node) {
    return new Answer(200, node.toString(), Map.of(), true);
  }

  /** Toggl's usual error shape: a JSON-encoded string. */
  static Answer error(int status, String message) {
    try {
      return new Answer(status, SimulatorJson.MAPPER.writeValueAsString(message), Map.of());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  Answer withHeaders(Map<String, String> extra) {
    Map<String, String> all = new java.util.LinkedHashMap<>(headers);
    all.putAll(extra);
    return new Answer(status, body, all, stored);
  }
}
