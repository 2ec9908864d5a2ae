package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.store.Progress;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a client hears while a tool call waits for a slow load: MCP progress notifications when the
 * call carries a progress token, and a log notification when the load starts and every tenth page,
 * so a client that shows logs sees the wait is not a hang.
 */
final class LoadingNotices implements Progress {
  private static final Logger LOG = LoggerFactory.getLogger(LoadingNotices.class);
  private static final int LOG_EVERY = 10;

  private final McpSyncServerExchange exchange;
  private final @Nullable Object token;
  private int lastLogged = -LOG_EVERY;

  private LoadingNotices(McpSyncServerExchange exchange, @Nullable Object token) {
    this.exchange = exchange;
    this.token = token;
  }

  static Progress of(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
    return new LoadingNotices(exchange, request.progressToken());
  }

  @Override
  public synchronized void loaded(int pages, String message) {
    try {
      if (token != null) {
        exchange.progressNotification(
            new McpSchema.ProgressNotification(token, pages, null, message));
      }
      if (pages >= lastLogged + LOG_EVERY) {
        lastLogged = pages;
        exchange.loggingNotification(
            McpSchema.LoggingMessageNotification.builder()
                .level(McpSchema.LoggingLevel.INFO)
                .logger("toggl-track-mcp")
                .data(message)
                .build());
      }
    } catch (RuntimeException clientGone) {
      LOG.debug("a progress notice could not be sent: {}", clientGone.getMessage());
    }
  }
}
