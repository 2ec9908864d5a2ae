package dev.toggltrackmcp.sandbox;

import java.util.Map;

/** One HTTP answer of the simulator. */
record Answer(int status, String body, Map<String, String> headers) {
  static Answer json(Object node) {
    return new Answer(200, node.toString(), Map.of());
  }

  /** Toggl's usual error shape: a JSON-encoded string. */
  static Answer error(int status, String message) {
    try {
      return new Answer(status, SimulatorJson.MAPPER.writeValueAsString(message), Map.of());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
