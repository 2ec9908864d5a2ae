package dev.toggltrackmcp.mcp;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a tool says: a short text for people, the structured result matching its schema, and
 * sometimes a picture.
 */
record ToolAnswer(String text, Map<String, Object> structured, @Nullable Picture picture) {

  ToolAnswer(String text, Map<String, Object> structured) {
    this(text, structured, null);
  }

  /** An image the answer shows, encoded. */
  record Picture(String mimeType, byte[] bytes) {}
}
