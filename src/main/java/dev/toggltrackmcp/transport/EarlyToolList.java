package dev.toggltrackmcp.transport;

import static dev.toggltrackmcp.transport.EarlyAnswer.writeIfPresent;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.toggltrackmcp.mcp.McpService;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The answer to the client's {@code tools/list} straight after {@code initialize}, sent before the
 * SDK server exists. Every client asks for the tools at once and shows the server ready when they
 * come; the SDK's first answer waits for its session to start and for Jackson to build serializers
 * for its records (about 170 ms of a start on 2 cores). The tools are the ones the SDK is given,
 * written as its serializer writes them (absent values left out, {@code _meta} for the metadata); a
 * tool with icons, or with a schema holding anything but JSON's own values (null included), leaves
 * the answer to the SDK, as does a request for a page ({@code cursor}). The SDK gets the request
 * under {@link #SDK_ID} ({@link EarlyAnswer}).
 */
final class EarlyToolList {
  /** The id the SDK sees for the request already answered; no client id looks like it. */
  static final String SDK_ID = "toggl-track-mcp:tools-list-answered-early";

  private EarlyToolList() {}

  /**
   * Answers {@code message} when it is a {@code tools/list} request this can answer with {@code
   * service}'s tools, else null (and nothing is written).
   */
  static @Nullable EarlyAnswer answer(
      JsonRpcCheck.Passed message, McpService service, StdioServer.LineWriter writer)
      throws IOException {
    if (!message.isRequest() || !"tools/list".equals(message.method())) {
      return null;
    }
    JsonNode params = message.message().get("params");
    if (params != null && params.has("cursor")) {
      return null;
    }
    List<McpSchema.Tool> tools = service.tools().stream().map(SyncToolSpecification::tool).toList();
    if (tools.stream().anyMatch(tool -> tool.icons() != null)) {
      return null;
    }
    try {
      return EarlyAnswer.send(
          message.message(),
          SDK_ID,
          g -> {
            g.writeArrayFieldStart("tools");
            for (McpSchema.Tool tool : tools) {
              writeTool(g, tool);
            }
            g.writeEndArray();
          },
          writer);
    } catch (NotPlain e) {
      return null; // thrown while the answer was still being built: nothing was sent
    }
  }

  private static void writeTool(JsonGenerator g, McpSchema.Tool tool) throws IOException {
    g.writeStartObject();
    writeIfPresent(g, "name", tool.name());
    writeIfPresent(g, "title", tool.title());
    writeIfPresent(g, "description", tool.description());
    writeJson(g, "inputSchema", tool.inputSchema());
    writeJson(g, "outputSchema", tool.outputSchema());
    McpSchema.ToolAnnotations a = tool.annotations();
    if (a != null) {
      g.writeObjectFieldStart("annotations");
      writeIfPresent(g, "title", a.title());
      writeIfPresent(g, "readOnlyHint", a.readOnlyHint());
      writeIfPresent(g, "destructiveHint", a.destructiveHint());
      writeIfPresent(g, "idempotentHint", a.idempotentHint());
      writeIfPresent(g, "openWorldHint", a.openWorldHint());
      writeIfPresent(g, "returnDirect", a.returnDirect());
      g.writeEndObject();
    }
    writeJson(g, "_meta", tool.meta());
    g.writeEndObject();
  }

  private static void writeJson(JsonGenerator g, String field, @Nullable Object value)
      throws IOException {
    if (value != null) {
      g.writeFieldName(field);
      writeValue(g, value);
    }
  }

  /**
   * Writes one of JSON's own values (a map with string keys, a list, a string, a boolean, a number
   * as Jackson writes it); anything else, null included, throws {@link NotPlain}.
   */
  private static void writeValue(JsonGenerator g, @Nullable Object value) throws IOException {
    if (value instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new NotPlain();
        }
        g.writeFieldName(key);
        writeValue(g, e.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof List<?> list) {
      g.writeStartArray();
      for (Object item : list) {
        writeValue(g, item);
      }
      g.writeEndArray();
    } else if (value instanceof String text) {
      g.writeString(text);
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof Integer i) {
      g.writeNumber(i);
    } else if (value instanceof Long l) {
      g.writeNumber(l);
    } else if (value instanceof Double d) {
      g.writeNumber(d);
    } else if (value instanceof BigDecimal d) {
      g.writeNumber(d);
    } else if (value instanceof BigInteger i) {
      g.writeNumber(i);
    } else {
      throw new NotPlain();
    }
  }

  /** A tool holds a value this does not write as the SDK would; the SDK answers instead. */
  private static final class NotPlain extends RuntimeException {
    NotPlain() {
      super(null, null, false, false);
    }
  }
}
