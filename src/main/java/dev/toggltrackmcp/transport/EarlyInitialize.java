package dev.toggltrackmcp.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toggltrackmcp.mcp.Introduction;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
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

  private final JsonNode sent;
  private final String forSdk;

  private EarlyInitialize(JsonNode sent, String forSdk) {
    this.sent = sent;
    this.forSdk = forSdk;
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
    ObjectNode capabilities = capabilities(introduction.capabilities());
    ObjectNode serverInfo = serverInfo(introduction.serverInfo());
    if (capabilities == null || serverInfo == null) {
      return null;
    }
    ObjectNode request = first.message();
    String asked = request.get("params").get("protocolVersion").asText();
    String version =
        offeredVersions.contains(asked) ? asked : offeredVersions.get(offeredVersions.size() - 1);
    ObjectNode answer = McpServers.MAPPER.createObjectNode().put("jsonrpc", "2.0");
    answer.set("id", request.get("id"));
    ObjectNode result = answer.putObject("result").put("protocolVersion", version);
    result.set("capabilities", capabilities);
    result.set("serverInfo", serverInfo);
    result.put("instructions", introduction.instructions());
    writer.writeLine(answer.toString());
    return new EarlyInitialize(result, request.deepCopy().put("id", SDK_ID).toString());
  }

  /**
   * The capabilities as the SDK's record serializes them (absent values left out), written as a
   * tree: Jackson's first serialization of the SDK's records costs about 50 ms, which the SDK then
   * pays after the answer is out. Null for a field this shape does not know (experimental
   * capabilities, extensions): such an answer is left to the SDK.
   */
  private static @Nullable ObjectNode capabilities(McpSchema.ServerCapabilities c) {
    if (c.experimental() != null || c.extensions() != null) {
      return null;
    }
    ObjectNode node = McpServers.MAPPER.createObjectNode();
    if (c.completions() != null) {
      node.putObject("completions");
    }
    if (c.logging() != null) {
      node.putObject("logging");
    }
    if (c.prompts() != null) {
      putIfPresent(node.putObject("prompts"), "listChanged", c.prompts().listChanged());
    }
    if (c.resources() != null) {
      ObjectNode resources = node.putObject("resources");
      putIfPresent(resources, "subscribe", c.resources().subscribe());
      putIfPresent(resources, "listChanged", c.resources().listChanged());
    }
    if (c.tools() != null) {
      putIfPresent(node.putObject("tools"), "listChanged", c.tools().listChanged());
    }
    return node;
  }

  /** The server's name and version as the SDK's record serializes them; null with icons. */
  private static @Nullable ObjectNode serverInfo(McpSchema.Implementation info) {
    if (info.icons() != null) {
      return null;
    }
    ObjectNode node = McpServers.MAPPER.createObjectNode();
    putIfPresent(node, "name", info.name());
    putIfPresent(node, "title", info.title());
    putIfPresent(node, "version", info.version());
    putIfPresent(node, "description", info.description());
    putIfPresent(node, "websiteUrl", info.websiteUrl());
    return node;
  }

  private static void putIfPresent(ObjectNode node, String field, @Nullable Object value) {
    if (value instanceof Boolean b) {
      node.put(field, b);
    } else if (value != null) {
      node.put(field, value.toString());
    }
  }

  /** The request as the SDK gets it: the client's, under {@link #SDK_ID}. */
  String forSdk() {
    return forSdk;
  }

  /** The SDK's own answer to {@link #forSdk}, which is not sent. */
  void sdkAnswered(byte[] line) {
    try {
      JsonNode result = McpServers.MAPPER.readTree(line).get("result");
      if (!sent.equals(result)) {
        log()
            .warn(
                "The initialize answer sent early differs from the SDK's: sent {}, the SDK's {}",
                sent,
                result);
      }
    } catch (IOException e) {
      log().warn("The SDK's initialize answer could not be read: {}", e.getMessage());
    }
  }
}
