package dev.toggltrackmcp.transport;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Short JSON error bodies: never a stack trace, an exception class or a server banner. */
final class JsonErrors {
  /** At most this much of a refused request's body is read, and only what has already arrived. */
  static final int LARGEST_DRAINED = 64 * 1024;

  private JsonErrors() {}

  /**
   * Refuses a request before its body is read. What of the body has already arrived (up to {@link
   * #LARGEST_DRAINED}) is dropped without waiting; when more is still to come the connection is
   * closed, so a refused client can neither hold the server waiting for its body nor send its next
   * request into a closing socket.
   */
  static void refuse(
      Request request,
      Response response,
      Callback callback,
      int status,
      String code,
      String message) {
    boolean bodyLeft = !dropArrivedBody(request);
    if (bodyLeft) {
      response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    }
    write(response, callback, status, body(code, message));
  }

  /** Refuses a request whose body will not be read, and closes its connection. */
  static void refuseAndClose(
      Response response, Callback callback, int status, String code, String message) {
    response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    write(response, callback, status, body(code, message));
  }

  /** Writes a whole JSON response (an error body or a JSON-RPC error) and completes. */
  static void write(Response response, Callback callback, int status, String json) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }

  /** True when the whole body has been read (or there was none); never waits for more. */
  private static boolean dropArrivedBody(Request request) {
    long read = 0;
    while (read <= LARGEST_DRAINED) {
      Content.Chunk chunk = request.read();
      if (chunk == null) {
        return false;
      }
      read += chunk.remaining();
      boolean last = chunk.isLast();
      boolean failed = Content.Chunk.isFailure(chunk);
      chunk.release();
      if (failed) {
        return false;
      }
      if (last) {
        return true;
      }
    }
    return false;
  }

  /** A servlet's refusal (paths outside {@code /mcp}, malformed messages), body already read. */
  static void send(HttpServletResponse response, int status, String json) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  /** A JSON-RPC error for a request whose id could not be read ({@code "id": null}). */
  static String jsonRpc(int code, String message) {
    return "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":"
        + code
        + ",\"message\":"
        + McpServers.MAPPER.getNodeFactory().textNode(message)
        + "}}";
  }

  static String body(String code, String message) {
    try {
      return McpServers.JSON.writeValueAsString(Map.of("error", code, "message", message));
    } catch (IOException e) {
      return "{\"error\":\"" + code + "\"}";
    }
  }
}
