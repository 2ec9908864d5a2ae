package dev.toggltrackmcp.transport;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sits in front of the SDK's servlet at {@code /mcp}: every POSTed message is checked by {@link
 * JsonRpcCheck} (the same check as on stdio) and a malformed one is answered with a JSON-RPC error
 * and HTTP 400; a good one reaches the SDK as the JSON that was checked. The SDK's own error bodies
 * are cleaned by {@link SafeErrorResponse}. The body is already in memory ({@link WholeBodyFirst}),
 * so reading it here never waits on the client.
 */
final class JsonRpcFilter implements Filter {
  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcFilter.class);

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    if ("POST".equals(request.getMethod())) {
      String body = new String(request.getInputStream().readAllBytes(), charset(request));
      JsonRpcCheck.Outcome outcome = JsonRpcCheck.check(body);
      if (outcome instanceof JsonRpcCheck.Refused refused) {
        LOG.warn("Refused a message on /mcp: {}", refused.message());
        JsonErrors.send(response, 400, refused.json());
        return;
      }
      request = new CheckedBody(request, ((JsonRpcCheck.Passed) outcome).json());
    }
    SafeErrorResponse safe = new SafeErrorResponse(response);
    chain.doFilter(request, safe);
    safe.finish();
  }

  private static Charset charset(HttpServletRequest request) {
    String name = request.getCharacterEncoding();
    try {
      return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return StandardCharsets.UTF_8; // then the text most likely fails the check
    }
  }

  /** The request with the checked message as its body, in UTF-8. */
  private static final class CheckedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CheckedBody(HttpServletRequest request, String json) {
      super(request);
      this.body = json.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String getCharacterEncoding() {
      return StandardCharsets.UTF_8.name();
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("the body is already in memory; read it directly");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
