package dev.toggltrackmcp.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Holds back the body of an error response (status 400 and up) so it can be checked: the SDK
 * serialises whole exceptions, stack trace included, into some of its error bodies. Those are
 * replaced by a plain JSON-RPC error carrying only the first line of the message. Successful
 * responses, including event streams, pass straight through.
 */
final class SafeErrorResponse extends HttpServletResponseWrapper {
  private static final ObjectMapper JSON = McpServers.MAPPER;
  private final ByteArrayOutputStream held = new ByteArrayOutputStream();
  private ServletOutputStream stream;
  private PrintWriter writer;

  SafeErrorResponse(HttpServletResponse response) {
    super(response);
  }

  private boolean holding() {
    return getStatus() >= 400;
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    if (!holding()) {
      return super.getOutputStream();
    }
    if (stream == null) {
      stream =
          new ServletOutputStream() {
            @Override
            public void write(int b) {
              held.write(b);
            }

            @Override
            public boolean isReady() {
              return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
              // writes never block: they go to memory
            }
          };
    }
    return stream;
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    if (!holding()) {
      return super.getWriter();
    }
    if (writer == null) {
      writer =
          new PrintWriter(
              new java.io.OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8), true);
    }
    return writer;
  }

  @Override
  public void setContentLength(int len) {
    if (!holding()) {
      super.setContentLength(len);
    }
  }

  /** Writes the held body, cleaned when it carries more than a message. */
  void finish() throws IOException {
    if (writer != null) {
      writer.flush();
    }
    if (held.size() == 0) {
      return;
    }
    String body = held.toString(StandardCharsets.UTF_8);
    if (body.contains("stackTrace") || body.contains("Exception") || body.contains("\tat ")) {
      body = clean(body);
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    HttpServletResponse real = (HttpServletResponse) getResponse();
    real.setContentLength(bytes.length);
    real.getOutputStream().write(bytes);
  }

  private static String clean(String body) {
    int code = -32603;
    String message = "The request could not be processed.";
    try {
      JsonNode node = JSON.readTree(body);
      JsonNode error = node.has("jsonRpcError") ? node.get("jsonRpcError") : node.path("error");
      code = error.path("code").asInt(code);
      String text = error.path("message").asText(node.path("message").asText(message));
      message = text.split("\n")[0].replaceAll("\\(code \\d+\\)", "").trim();
      if (message.contains("Exception") || message.isBlank()) {
        message = "The request could not be processed.";
      }
    } catch (IOException notJson) {
      // keep the generic message
    }
    return JsonErrors.jsonRpc(code, message);
  }
}
