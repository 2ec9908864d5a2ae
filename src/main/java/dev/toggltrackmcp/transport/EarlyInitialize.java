package dev.toggltrackmcp.transport;

import static dev.toggltrackmcp.transport.EarlyAnswer.writeIfPresent;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toggltrackmcp.mcp.Introduction;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a session's {@code initialize}, sent before the SDK server exists. A client starts
 * the server and sends {@code initialize} at once; everything the answer holds is the {@link
 * Introduction} and the protocol version, chosen as the SDK chooses it (the client's when offered,
 * else the newest offered). So the answer goes out first and the Toggl client, the cache and the
 * tools are assembled after it; the SDK gets the request under {@link #SDK_ID} ({@link
 * EarlyAnswer}).
 */
final class EarlyInitialize {
  /** The id the SDK sees for the request already answered; no client id looks like it. */
  static final String SDK_ID = "toggl-track-mcp:initialize-answered-early";

  private EarlyInitialize() {}

  /**
   * Answers {@code first} when it is an {@code initialize} request (and returns what the SDK still
   * needs); anything else is left for the SDK, as every message after it is.
   */
  static @Nullable EarlyAnswer answer(
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
    return EarlyAnswer.send(
        request,
        SDK_ID,
        g -> {
          g.writeStringField("protocolVersion", version);
          writeCapabilities(g, capabilities);
          writeServerInfo(g, serverInfo);
          g.writeStringField("instructions", introduction.instructions());
        },
        writer);
  }

  /**
   * The capabilities as the SDK's record serializes them (absent values left out); Jackson's first
   * serialization of the SDK's records costs about 50 ms, which the SDK pays after the answer.
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
}
