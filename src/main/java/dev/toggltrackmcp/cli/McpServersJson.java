package dev.toggltrackmcp.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** One-line JSON of tool arguments, for showing calls. */
final class McpServersJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private McpServersJson() {}

  static String compact(Map<String, Object> arguments) {
    try {
      return JSON.writeValueAsString(arguments);
    } catch (JsonProcessingException e) {
      return arguments.toString();
    }
  }
}
