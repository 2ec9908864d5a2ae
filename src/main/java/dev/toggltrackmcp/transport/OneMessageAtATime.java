package dev.toggltrackmcp.transport;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransport;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The SDK's stdio session transport, sending one message at a time. The SDK hands each message to a
 * Reactor sink that refuses concurrent emitters, and drops the message when two answers finish at
 * the same instant (found as 50 tool calls answered at once after one sync: most answers were
 * lost). Here every send enters the sink under one lock, in the order the sends arrive.
 */
final class OneMessageAtATime implements McpServerTransport {
  private final McpServerTransport sdk;
  private final Object lock = new Object();

  OneMessageAtATime(McpServerTransport sdk) {
    this.sdk = sdk;
  }

  @Override
  public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
    return Mono.create(
        sent -> {
          synchronized (lock) { // the SDK's send enqueues while it is subscribed to, synchronously
            sdk.sendMessage(message).subscribe(null, sent::error, sent::success);
          }
        });
  }

  @Override
  public Mono<Void> closeGracefully() {
    return sdk.closeGracefully();
  }

  @Override
  public void close() {
    sdk.close();
  }

  @Override
  public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
    return sdk.unmarshalFrom(data, type);
  }

  @Override
  public List<String> protocolVersions() {
    return sdk.protocolVersions();
  }
}
