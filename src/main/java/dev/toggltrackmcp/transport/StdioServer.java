package dev.toggltrackmcp.transport;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.toggltrackmcp.mcp.Introduction;
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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MCP over stdin/stdout. Every line from the client is checked ({@link JsonRpcCheck}) before the
 * SDK sees it: a malformed message, or a line longer than {@link #LONGEST_LINE} bytes, gets a
 * JSON-RPC error and reading goes on. Everything written to stdout is whole lines of JSON-RPC,
 * written under one lock. On stdin EOF {@link #run} returns promptly.
 */
public final class StdioServer {
  /** Asked for when something is logged, so that no start waits for the logging system. */
  private static Logger log() {
    return LoggerFactory.getLogger(StdioServer.class);
  }

  /** Requests longer than this (4 MiB) are refused; real tool calls are a few hundred bytes. */
  public static final int LONGEST_LINE = 4 * 1024 * 1024;

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

  /** At most this many messages after {@code initialize} are read ahead for its tools/list. */
  private static final int READ_AHEAD = 8;

  /** After stdin ends, how long answers still being worked on may take before the process goes. */
  static final java.time.Duration LAST_ANSWERS = java.time.Duration.ofSeconds(10);

  /** Serves {@code service} until {@code in} ends, then waits for the answers still owed. */
  public static void run(McpService service, InputStream in, OutputStream out) throws IOException {
    run(service.introduction(), () -> service, in, out);
  }

  /**
   * Serves until {@code in} ends, then waits for the answers still owed. The service is assembled
   * by {@code assemble}; when the client's first message is already waiting (as it is when a client
   * has just started the server) and is an {@code initialize} request, it is answered from {@code
   * introduction} first ({@link EarlyInitialize}), so the client does not wait for the assembly.
   * Then, when the client's next messages are already waiting too, its {@code tools/list} is
   * answered from the assembled tools ({@link EarlyToolList}) before the SDK server is built.
   */
  public static void run(
      Introduction introduction, Supplier<McpService> assemble, InputStream in, OutputStream out)
      throws IOException {
    LineWriter writer = new LineWriter(out);
    PipedInputStream toSdk = new PipedInputStream(1 << 20);
    PipedOutputStream forward = new PipedOutputStream(toSdk);
    Lines lines = new Lines(in);
    JsonRpcCheck.Passed first = null;
    EarlyAnswer early = null;
    if (in.available() > 0) {
      first = lines.one(writer);
      if (first != null) {
        early =
            EarlyInitialize.answer(
                first, introduction, OfferedVersions.of(OfferedVersions.STDIO_SDK), writer);
      }
    }
    McpService service = assemble.get();
    // what the client sent after initialize, read while it is already waiting, up to its tools/list
    List<JsonRpcCheck.Passed> ahead = new ArrayList<>();
    EarlyAnswer toolList = null;
    while (early != null && toolList == null && ahead.size() < READ_AHEAD && in.available() > 0) {
      JsonRpcCheck.Passed next = lines.one(writer);
      if (next != null) {
        ahead.add(next);
        toolList = EarlyToolList.answer(next, service, writer);
      }
    }
    // the SDK's classes and Jackson's ObjectMapper are loaded from here on (after the answers)
    StdioServerTransportProvider transport =
        new StdioServerTransportProvider(McpServers.JSON, toSdk, writer, LONGEST_LINE);
    McpSyncServer server = McpServers.stdio(service, transport);
    try {
      if (early != null) {
        sendAnswered(early, forward, writer);
        int unanswered = toolList == null ? ahead.size() : ahead.size() - 1; // tools/list is last
        for (JsonRpcCheck.Passed next : ahead.subList(0, unanswered)) {
          send(next, forward, writer);
        }
        if (toolList != null) {
          sendAnswered(toolList, forward, writer);
        }
      } else if (first != null) {
        send(first, forward, writer);
      }
      for (JsonRpcCheck.Passed next; (next = lines.next(writer)) != null; ) {
        send(next, forward, writer);
      }
      writer.awaitAnswers(LAST_ANSWERS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      forward.close();
      server.closeGracefully();
      writer.flush();
    }
  }

  /** A request already answered goes to the SDK under its own id; its answer stays inside. */
  private static void sendAnswered(EarlyAnswer answered, OutputStream sdk, LineWriter writer)
      throws IOException {
    writer.answerQuietly(answered.sdkId(), answered::sdkAnswered);
    send(answered.forSdk(), sdk);
  }

  private static void send(JsonRpcCheck.Passed message, OutputStream sdk, LineWriter writer)
      throws IOException {
    if (message.isRequest()) {
      writer.expectAnswer();
    }
    send(message.json(), sdk);
  }

  private static void send(String json, OutputStream sdk) throws IOException {
    sdk.write((json + "\n").getBytes(StandardCharsets.UTF_8));
    sdk.flush();
  }

  /**
   * The client's messages, one line each, checked: a malformed one, or one longer than {@link
   * #LONGEST_LINE}, is answered with a JSON-RPC error and skipped.
   */
  private static final class Lines {
    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean ended;

    Lines(InputStream in) {
      this.in = in;
    }

    /** The next message that passed the check, or null at the end of {@code in}. */
    JsonRpcCheck.@Nullable Passed next(LineWriter writer) throws IOException {
      JsonRpcCheck.Passed passed = null;
      while (passed == null && !ended) {
        passed = one(writer);
      }
      return passed;
    }

    /** The next line, when it passed the check; null when it did not, or at the end. */
    JsonRpcCheck.@Nullable Passed one(LineWriter writer) throws IOException {
      line.reset();
      boolean tooLong = false;
      int b;
      while ((b = in.read()) != -1 && b != '\n') {
        if (line.size() < LONGEST_LINE) {
          line.write(b);
        } else {
          tooLong = true;
        }
      }
      ended = b == -1;
      return ended && line.size() == 0 ? null : checked(line.toByteArray(), tooLong, writer);
    }
  }

  private static JsonRpcCheck.@Nullable Passed checked(
      byte[] bytes, boolean tooLong, LineWriter writer) throws IOException {
    if (tooLong) {
      writer.writeLine(
          parseError("Request larger than " + LONGEST_LINE + " bytes; send a smaller one."));
      return null;
    }
    String text = new String(bytes, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      return null;
    }
    JsonRpcCheck.Outcome outcome = JsonRpcCheck.check(text);
    if (outcome instanceof JsonRpcCheck.Refused refused) {
      log().warn("Refused a message on stdin: {}", refused.message());
      writer.writeLine(refused.json());
      return null;
    }
    return (JsonRpcCheck.Passed) outcome;
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
    private final java.util.Map<String, Consumer<byte[]>> quiet = new java.util.HashMap<>();

    LineWriter(OutputStream out) {
      this.out = out;
    }

    synchronized void expectAnswer() {
      owed++;
    }

    /**
     * Expects an answer to a request sent with {@code id} that the client never sent: it goes to
     * {@code seen} instead of the client.
     */
    synchronized void answerQuietly(String id, Consumer<byte[]> seen) {
      quiet.put(id, seen);
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
        String id = answerId(line);
        Consumer<byte[]> seen = id == null ? null : quiet.remove(id);
        if (seen == null) {
          send(line);
        } else {
          seen.accept(line);
        }
        if (id != null) {
          owed = Math.max(0, owed - 1);
          notifyAll();
        }
      }
    }

    /**
     * The id of a response (a top-level non-null {@code id} and no {@code method}) as text, else
     * null. Read with the streaming parser, skipping the (possibly large) result instead of
     * building a tree of it.
     */
    private static @Nullable String answerId(byte[] line) {
      try (JsonParser p = StrictJson.FACTORY.createParser(line)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          return null;
        }
        String id = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken value = p.nextToken();
          if (name.equals("method")) {
            return null;
          }
          if (name.equals("id") && value != JsonToken.VALUE_NULL) {
            id = value.isScalarValue() ? p.getText() : "";
          }
          p.skipChildren();
        }
        return id;
      } catch (IOException e) {
        return null;
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
      log().debug("The client closed stdout ({}); further answers are dropped", e.getMessage());
    }
  }
}
