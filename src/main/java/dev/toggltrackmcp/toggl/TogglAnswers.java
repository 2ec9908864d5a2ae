package dev.toggltrackmcp.toggl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toggltrackmcp.toggl.model.TimeEntry;

/**
 * Reading Toggl's answer bodies, for the Track reads, the writes and the Reports alike: anything
 * that does not parse, or parses into the wrong shape, is a {@link
 * TogglException.MalformedResponse} naming the path, never a Jackson exception.
 */
final class TogglAnswers {
  private static final ObjectMapper JSON = TogglJson.mapper();

  private TogglAnswers() {}

  /** The body as a tree; an empty or unparseable body is malformed. */
  static JsonNode tree(String body, String path) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null) {
        throw new TogglException.MalformedResponse(path);
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new TogglException.MalformedResponse(path);
    }
  }

  /** {@code node} as a {@code type}; null or unmappable is malformed. */
  static <T> T convert(JsonNode node, Class<T> type, String path) {
    try {
      T value = JSON.treeToValue(node, type);
      if (value == null) {
        throw new TogglException.MalformedResponse(path);
      }
      return value;
    } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
      throw new TogglException.MalformedResponse(path);
    }
  }

  /** {@code node}, which must be a JSON object, as a {@code type}. */
  static <T> T object(JsonNode node, Class<T> type, String path) {
    if (!node.isObject()) {
      throw new TogglException.MalformedResponse(path);
    }
    return convert(node, type, path);
  }

  /** An entry without an id or start cannot be placed in time; treat it as a broken answer. */
  static TimeEntry checked(TimeEntry entry, String path) {
    if (entry.id() == 0 || entry.start() == null) {
      throw new TogglException.MalformedResponse(path);
    }
    return entry;
  }
}
