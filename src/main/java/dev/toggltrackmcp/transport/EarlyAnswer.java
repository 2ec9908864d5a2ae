package dev.toggltrackmcp.transport;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An answer sent to the client before the SDK server existed ({@link EarlyInitialize}, {@link
 * EarlyToolList}), written by Jackson's streaming generator: no ObjectMapper and none of Jackson's
 * serializers for the SDK's records are needed for it.
 *
 * <p>The SDK still gets the request, under an id of its own ({@link #sdkId}), so that its session
 * moves on as after any such request. Its answer to that id is not sent: {@link #sdkAnswered}
 * compares it with the one that was, and says so in the log should they ever differ.
 */
final class EarlyAnswer {
  /** Asked for when something is logged, so that no start waits for the logging system. */
  private static Logger log() {
    return LoggerFactory.getLogger(EarlyAnswer.class);
  }

  /** Writes the fields of an answer's {@code result} object. */
  interface Result {
    void write(JsonGenerator g) throws IOException;
  }

  private final String sdkId;
  private final String sent;
  private final ObjectNode request;

  private EarlyAnswer(String sdkId, String sent, ObjectNode request) {
    this.sdkId = sdkId;
    this.sent = sent;
    this.request = request;
  }

  /**
   * Writes the answer to {@code request} (a request JsonRpcCheck passed: its id is a string or an
   * integer) with the {@code result} given, as one line; the SDK is to get it under {@code sdkId}.
   * The line is built whole before it is written: when {@code result} throws, nothing is sent.
   */
  static EarlyAnswer send(
      ObjectNode request, String sdkId, Result result, StdioServer.LineWriter writer)
      throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = StrictJson.FACTORY.createGenerator(text)) {
      g.writeStartObject();
      g.writeStringField("jsonrpc", "2.0");
      JsonNode id = request.get("id");
      if (id.isTextual()) {
        g.writeStringField("id", id.asText());
      } else {
        g.writeNumberField("id", id.longValue());
      }
      g.writeObjectFieldStart("result");
      result.write(g);
      g.writeEndObject();
      g.writeEndObject();
    }
    String answer = text.toString();
    writer.writeLine(answer);
    return new EarlyAnswer(sdkId, answer, request);
  }

  /** Writes {@code value} as a boolean or a string, or nothing when it is null. */
  static void writeIfPresent(JsonGenerator g, String field, @Nullable Object value)
      throws IOException {
    if (value instanceof Boolean b) {
      g.writeBooleanField(field, b);
    } else if (value != null) {
      g.writeStringField(field, value.toString());
    }
  }

  /** The id the SDK gets the request under; no client id looks like it. */
  String sdkId() {
    return sdkId;
  }

  /** The request as the SDK gets it: the client's, under {@link #sdkId}. */
  String forSdk() {
    return request.deepCopy().put("id", sdkId).toString();
  }

  /** The SDK's own answer to {@link #forSdk}, which is not sent. */
  void sdkAnswered(byte[] line) {
    String method = request.path("method").asText();
    try {
      JsonNode ours = McpServers.MAPPER.readTree(sent).get("result");
      JsonNode result = McpServers.MAPPER.readTree(line).get("result");
      if (!ours.equals(result)) {
        log()
            .warn(
                "The {} answer sent early differs from the SDK's: sent {}, the SDK's {}",
                method,
                ours,
                result);
      }
    } catch (IOException e) {
      log().warn("The SDK's {} answer could not be read: {}", method, e.getMessage());
    }
  }
}
