package dev.toggltrackmcp.testing;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import java.time.Duration;

/** The SDK's own MCP client, as the end-to-end tests use it. */
public final class McpClients {
  private McpClients() {}

  /**
   * A client for the server's Streamable HTTP endpoint on 127.0.0.1:{@code port}, 60 s per request;
   * the caller may add to it (progress, another timeout) before {@code build()}.
   */
  public static McpClient.SyncSpec overHttp(int port) {
    return McpClient.sync(
            HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                .endpoint("/mcp")
                .build())
        .requestTimeout(Duration.ofSeconds(60));
  }
}
