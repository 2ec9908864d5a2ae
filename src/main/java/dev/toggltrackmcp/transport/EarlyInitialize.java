package dev.toggltrackmcp.transport;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toggltrackmcp.mcp.Introduction;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer to a session's {@code initialize}, sent before the SDK server exists. A client starts
 * the server and sends {@code initialize} at once; everything the answer holds is the {@link
 * Introduction} and the protocol version, chosen as the SDK chooses it (the client's when offered,
 * else the newest offered). So the answer goes out first and the Toggl client, the cache and the
 * tools are assembled after it.
 *
 * <p>The SDK still gets the request, under an id of its own ({@link #SDK_ID}), so that its session
 * knows the client's capabilities and moves on as after any {@code initialize}. Its answer to that
 * id is not sent: {@link #sdkAnswered} compares it with the one that was, and says so in the log
 * should they ever differ.
 */
final class EarlyInitialize {
  /** Asked for when something is logged, so that no start waits for the logging system. */
  private static Logger log() {
    return LoggerFactory.getLogger(EarlyInitialize.class);
  }

  /** The id the SDK sees for the request already answered; no client id looks like it. */
  static final String SDK_ID = "toggl-track-mcp:initialize-answered-early";

  private final String sent;
  private final ObjectNode request;

  private EarlyInitialize(String sent, ObjectNode request) {
    this.sent = sent;
    this.request = request;
  }

  /**
   * Answers {@code first} when it is an {@code initialize} request (and returns what the SDK still
   * needs); anything else is left for the SDK, as every message after it is.
   */
  static @Nullable EarlyInitialize answer(
      JsonRpcCheck.Passed first,
      Introduction introduction,
      List<String> offeredVersions,
      StdioServer.LineWriter writer)
      throws IOException {
    if (!first.isRequest() || !"initialize".equals(first.method())) {
      return null;
    }
    McpSchema.ServerCapabilities capabilities = introduction.capabilities();
    McpSchema.Implementation serverInfo = introduction.serverInfo();
    if (capabilities.experimental() != null
        || capabilities.extensions() != null
        || serverInfo.icons() != null) {
      return null; // fields this answer does not write: left to the SDK
    }
    ObjectNode request = first.message();
    String version =
        OfferedVersions.chosen(
            request.get("params").get("protocolVersion").asText(), offeredVersions);
    StringWriter text = new StringWriter();
    try (JsonGenerator g = StrictJson.FACTORY.createGenerator(text)) {
      g.writeStartObject();
      g.writeStringField("jsonrpc", "2.0");
      JsonNode id = request.get("id"); // a string or an integer: JsonRpcCheck passed it
      if (id.isTextual()) {
        g.writeStringField("id", id.asText());
      } else {
        g.writeNumberField("id", id.longValue());
      }
      g.writeObjectFieldStart("result");
      g.writeStringField("protocolVersion", version);
      writeCapabilities(g, capabilities);
      writeServerInfo(g, serverInfo);
      g.writeStringField("instructions", introduction.instructions());
      g.writeEndObject();
      g.writeEndObject();
    }
    String answer = text.toString();
    writer.writeLine(answer);
    return new EarlyInitialize(answer, request);
  }

  /**
   * The capabilities as the SDK's record serializes them (absent values left out), written by the
   * streaming generator: neither an ObjectMapper nor Jackson's serializers for the SDK's records
   * (about 50 ms the first time) are needed for it; the SDK pays for them after the answer is out.
   */
  private static void writeCapabilities(JsonGenerator g, McpSchema.ServerCapabilities c)
      throws IOException {
    g.writeObjectFieldStart("capabilities");
    if (c.completions() != null) {
      g.writeObjectFieldStart("completions");
      g.writeEndObject();
    }
    if (c.logging() != null) {
      g.writeObjectFieldStart("logging");
      g.writeEndObject();
    }
    if (c.prompts() != null) {
      g.writeObjectFieldStart("prompts");
      writeIfPresent(g, "listChanged", c.prompts().listChanged());
      g.writeEndObject();
    }
    if (c.resources() != null) {
      g.writeObjectFieldStart("resources");
      writeIfPresent(g, "subscribe", c.resources().subscribe());
      writeIfPresent(g, "listChanged", c.resources().listChanged());
      g.writeEndObject();
    }
    if (c.tools() != null) {
      g.writeObjectFieldStart("tools");
      writeIfPresent(g, "listChanged", c.tools().listChanged());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  /** The server's name and version as the SDK's record serializes them. */
  private static void writeServerInfo(JsonGenerator g, McpSchema.Implementation info)
      throws IOException {
    g.writeObjectFieldStart("serverInfo");
    writeIfPresent(g, "name", info.name());
    writeIfPresent(g, "title", info.title());
    writeIfPresent(g, "version", info.version());
    writeIfPresent(g, "description", info.description());
    writeIfPresent(g, "websiteUrl", info.websiteUrl());
    g.writeEndObject();
  }

  private static void writeIfPresent(JsonGenerator g, String field, @Nullable Object value)
      throws IOException {
    if (value instanceof Boolean b) {
      g.writeBooleanField(field, b);
    } else if (value != null) {
      g.writeStringField(field, value.toString());
    }
  }

  /** The request as the SDK gets it: the client's, under {@link #SDK_ID}. */
  String forSdk() {
    return request.deepCopy().put("id", SDK_ID).toString();
  }

  /** The SDK's own answer to {@link #forSdk}, which is not sent. */
  void sdkAnswered(byte[] line) {
    try {
      JsonNode ours = McpServers.MAPPER.readTree(sent).get("result");
      JsonNode result = McpServers.MAPPER.readTree(line).get("result");
      if (!ours.equals(result)) {
        log()
            .warn(
                "The initialize answer sent early differs from the SDK's: sent {}, the SDK's {}",
                ours,
                result);
      }
    } catch (IOException e) {
      log().warn("The SDK's initialize answer could not be read: {}", e.getMessage());
    }
  }
}
