package dev.toggltrackmcp.transport;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toggltrackmcp.mcp.McpService;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MCP over stdin/stdout. Every line from the client is checked ({@link JsonRpcCheck}) before the
 * SDK sees it: a malformed message, or a line longer than {@link #LONGEST_LINE} bytes, gets a
 * JSON-RPC error and reading goes on. Everything written to stdout is whole lines of JSON-RPC,
 * written under one lock. On stdin EOF {@link #run} returns promptly.
 */
public final class StdioServer {
  private static final Logger LOG = LoggerFactory.getLogger(StdioServer.class);

  /** Requests longer than this (4 MiB) are refused; real tool calls are a few hundred bytes. */
  public static final int LONGEST_LINE = 4 * 1024 * 1024;

  private static final ObjectMapper JSON = McpServers.MAPPER;

  private StdioServer() {}

  /**
   * Keeps the real stdout for JSON-RPC and points {@code System.out} at stderr, so a stray print
   * anywhere in the process can never corrupt the protocol stream. Returns the real stdout.
   */
  public static OutputStream claimStdout() {
    OutputStream real = new FileOutputStream(FileDescriptor.out);
    System.setOut(System.err); // the process's stderr, with its secrets masked
    return real;
  }

  /** After stdin ends, how long answers still being worked on may take before the process goes. */
  static final java.time.Duration LAST_ANSWERS = java.time.Duration.ofSeconds(10);

  /** Serves until {@code in} ends, then waits for the answers still owed. */
  public static void run(McpService service, InputStream in, OutputStream out) throws IOException {
    LineWriter writer = new LineWriter(out);
    PipedInputStream toSdk = new PipedInputStream(1 << 20);
    PipedOutputStream forward = new PipedOutputStream(toSdk);
    StdioServerTransportProvider transport =
        new StdioServerTransportProvider(McpServers.JSON, toSdk, writer, LONGEST_LINE);
    McpSyncServer server = McpServers.stdio(service, transport);
    try {
      forwardCheckedLines(in, forward, writer);
      writer.awaitAnswers(LAST_ANSWERS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      forward.close();
      server.closeGracefully();
      writer.flush();
    }
  }

  private static void forwardCheckedLines(InputStream in, OutputStream sdk, LineWriter writer)
      throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    boolean tooLong = false;
    int b;
    while ((b = in.read()) != -1) {
      if (b != '\n') {
        if (line.size() < LONGEST_LINE) {
          line.write(b);
        } else {
          tooLong = true;
        }
        continue;
      }
      handleLine(line.toByteArray(), tooLong, sdk, writer);
      line.reset();
      tooLong = false;
    }
    if (line.size() > 0) {
      handleLine(line.toByteArray(), tooLong, sdk, writer);
    }
  }

  private static void handleLine(byte[] bytes, boolean tooLong, OutputStream sdk, LineWriter writer)
      throws IOException {
    if (tooLong) {
      writer.writeLine(
          parseError("Request larger than " + LONGEST_LINE + " bytes; send a smaller one."));
      return;
    }
    String text = new String(bytes, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      return;
    }
    JsonRpcCheck.Outcome outcome = JsonRpcCheck.check(text);
    if (outcome instanceof JsonRpcCheck.Refused refused) {
      LOG.warn("Refused a message on stdin: {}", refused.message());
      writer.writeLine(refused.json());
      return;
    }
    JsonRpcCheck.Passed passed = (JsonRpcCheck.Passed) outcome;
    if (passed.isRequest()) {
      writer.expectAnswer();
    }
    sdk.write((passed.json() + "\n").getBytes(StandardCharsets.UTF_8));
    sdk.flush();
  }

  private static String parseError(String message) {
    return JsonErrors.jsonRpc(JsonRpcCheck.PARSE_ERROR, message);
  }

  /**
   * Writes whole lines only, one at a time, so concurrent writers never interleave. When the client
   * has gone (stdout closed), lines are dropped quietly: one debug line, not a stack trace per
   * answer from the SDK.
   */
  static final class LineWriter extends OutputStream {
    private final OutputStream out;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private int owed;
    private boolean clientGone;

    LineWriter(OutputStream out) {
      this.out = out;
    }

    synchronized void expectAnswer() {
      owed++;
    }

    /** Waits until every request forwarded so far has been answered, or {@code most} passes. */
    synchronized void awaitAnswers(java.time.Duration most) throws InterruptedException {
      long deadline = System.nanoTime() + most.toNanos();
      while (owed > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        wait(Math.max(1, left / 1_000_000));
      }
    }

    @Override
    public synchronized void write(int b) throws IOException {
      pending.write(b);
      if (b == '\n') {
        byte[] line = pending.toByteArray();
        pending.reset();
        send(line);
        if (isAnswer(line)) {
          owed = Math.max(0, owed - 1);
          notifyAll();
        }
      }
    }

    /**
     * True for a response: a top-level non-null {@code id} and no {@code method}. Read with the
     * streaming parser, skipping the (possibly large) result instead of building a tree of it.
     */
    private static boolean isAnswer(byte[] line) {
      try (JsonParser p = JSON.getFactory().createParser(line)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          return false;
        }
        boolean id = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken value = p.nextToken();
          if (name.equals("method")) {
            return false;
          }
          id |= name.equals("id") && value != JsonToken.VALUE_NULL;
          p.skipChildren();
        }
        return id;
      } catch (IOException e) {
        return false;
      }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
      for (int i = off; i < off + len; i++) {
        write(b[i]);
      }
    }

    synchronized void writeLine(String json) throws IOException {
      write((json + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void flush() {
      if (!clientGone) {
        try {
          out.flush();
        } catch (IOException e) {
          gone(e);
        }
      }
    }

    private void send(byte[] line) {
      if (clientGone) {
        return;
      }
      try {
        out.write(line);
        out.flush();
      } catch (IOException e) {
        gone(e);
      }
    }

    private void gone(IOException e) {
      clientGone = true;
      LOG.debug("The client closed stdout ({}); further answers are dropped", e.getMessage());
    }
  }
}
