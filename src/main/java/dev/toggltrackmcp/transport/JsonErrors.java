package dev.toggltrackmcp.transport;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Short JSON error bodies: never a stack trace, an exception class or a server banner. */
final class JsonErrors {
  private JsonErrors() {}

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

  static String body(String code, String message) {
    try {
      return McpServers.JSON.writeValueAsString(Map.of("error", code, "message", message));
    } catch (IOException e) {
      return "{\"error\":\"" + code + "\"}";
    }
  }
}
