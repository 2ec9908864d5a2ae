package dev.toggltrackmcp.transport;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * A client's message read into Jackson's tree by the streaming parser alone, strictly: a duplicate
 * key or anything after the value is an error, not a guess. It builds the tree an {@code
 * ObjectMapper} builds ({@code int}, {@code long} and big integers as such, fractions as {@code
 * double}) without one: the first {@code ObjectMapper} of a process costs about 45 ms of class
 * set-up (its default date format reaches the JDK's calendar and locale data), which a stdio start
 * would otherwise wait for before it can answer {@code initialize}.
 */
final class StrictJson {
  /**
   * The transports' streaming factory, without an ObjectMapper; {@link #read} is the strict use.
   */
  static final JsonFactory FACTORY = new JsonFactory();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private StrictJson() {}

  /**
   * The one JSON value in {@code text}, or null when it holds none (only whitespace).
   *
   * @throws IOException when it is not JSON, repeats a key, nests deeper than the parser allows or
   *     has anything after the value
   */
  static @Nullable JsonNode read(String text) throws IOException {
    try (JsonParser p = FACTORY.createParser(text)) {
      p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      JsonToken token = p.nextToken();
      if (token == null) {
        return null;
      }
      JsonNode root = null;
      ArrayDeque<ContainerNode<?>> open = new ArrayDeque<>(); // no recursion: depth is the parser's
      do {
        if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          open.pop();
        } else if (token != JsonToken.FIELD_NAME) {
          JsonNode node = value(p, token);
          ContainerNode<?> parent = open.peek();
          if (parent == null) {
            root = node;
          } else if (parent instanceof ObjectNode object) {
            object.set(p.currentName(), node);
          } else {
            ((ArrayNode) parent).add(node);
          }
          if (node instanceof ContainerNode<?> container) {
            open.push(container);
          }
        }
      } while (!open.isEmpty() && (token = p.nextToken()) != null); // unfinished: the parser throws
      if (p.nextToken() != null) {
        throw new JsonParseException(p, "Unexpected text after the JSON value");
      }
      return root;
    }
  }

  /** The node a value token starts: an empty container, or the scalar itself. */
  private static JsonNode value(JsonParser p, JsonToken token) throws IOException {
    return switch (token) {
      case START_OBJECT -> NODES.objectNode();
      case START_ARRAY -> NODES.arrayNode();
      case VALUE_STRING -> NODES.textNode(p.getText());
      case VALUE_NUMBER_INT ->
          switch (p.getNumberType()) {
            case INT -> NODES.numberNode(p.getIntValue());
            case LONG -> NODES.numberNode(p.getLongValue());
            default -> NODES.numberNode(p.getBigIntegerValue());
          };
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> throw new JsonParseException(p, "Unexpected token " + token);
    };
  }
}
