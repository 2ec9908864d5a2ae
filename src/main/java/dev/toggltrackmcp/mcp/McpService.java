package dev.toggltrackmcp.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;

/**
 * Everything a transport needs to serve MCP: who the server is, what it tells the model, and its
 * tools (each call handler already turns every failure into an {@code isError} result). The
 * transports build one SDK server from it; they know nothing about Toggl.
 */
public interface McpService {

  McpSchema.Implementation serverInfo();

  /** Sent to the client at initialize: how to use the tools well. */
  String instructions();

  List<SyncToolSpecification> tools();
}
