package dev.toggltrackmcp.transport;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Short JSON error bodies: never a stack trace, an exception class or a server banner. */
final class JsonErrors {
  /** Bodies up to this size are read and dropped before a refusal; larger ones close the link. */
  static final long LARGEST_DRAINED = 4L * 1024 * 1024;

  private JsonErrors() {}

  /**
   * Refuses a request. Its body is read and dropped first when it is modest, or the connection is
   * closed, so a client reusing the connection never sends its next request into a closing socket.
   */
  static String refuse(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String code,
      String message)
      throws IOException {
    long length = request.getContentLengthLong();
    if (length > 0 && length <= LARGEST_DRAINED) {
      request.getInputStream().transferTo(OutputStream.nullOutputStream());
    } else if (length != 0) {
      response.setHeader("Connection", "close");
    }
    return send(response, status, code, message);
  }

  static String send(HttpServletResponse response, int status, String code, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    byte[] body = body(code, message).getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    return message;
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
