package dev.toggltrackmcp.cli;

import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * The process's stderr, masking secrets in every line just before it is written, whoever wrote it
 * (our loggers, a library's, a stack trace): the configured token and key, their Basic-auth base64
 * forms, and any {@code Bearer …}, {@code Basic …} or {@code X-API-Key} value. Lines are held until
 * their end, so a secret split across writes is still seen whole.
 */
final class RedactingStream extends OutputStream {
  private static final String MASK = "****";

  /** A credential after its scheme or header name, wherever it appears. */
  private static final Pattern CREDENTIAL =
      Pattern.compile("(?i)(\\b(?:Bearer|Basic)\\s+|\\bX-API-Key\\s*[:=]\\s*)[A-Za-z0-9._~+/=-]+");

  /** A line longer than this is written in pieces, so output without line ends still appears. */
  private static final int LONGEST_HELD = 64 * 1024;

  private static volatile RedactingStream installed;

  private final OutputStream out;
  private final List<String> secrets = new CopyOnWriteArrayList<>();
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  RedactingStream(OutputStream out) {
    this.out = out;
  }

  /** Puts a masking stream in front of the real stderr; returns it as {@code System.err}. */
  static PrintStream installOnStderr(List<String> secrets) {
    RedactingStream stream = new RedactingStream(new FileOutputStream(FileDescriptor.err));
    secrets.forEach(stream::hide);
    installed = stream;
    PrintStream err = new PrintStream(stream, true, StandardCharsets.UTF_8);
    System.setErr(err);
    return err;
  }

  /** Masks {@code secret} from now on in the installed stderr, if there is one (not in tests). */
  static void hideEverywhere(String secret) {
    RedactingStream stream = installed;
    if (stream != null) {
      stream.hide(secret);
    }
  }

  /**
   * Masks {@code secret} and its Basic-auth forms; values of fewer than 8 characters are no secret.
   */
  void hide(String secret) {
    if (secret == null || secret.strip().length() < 8) {
      return;
    }
    Base64.Encoder base64 = Base64.getEncoder();
    for (String form :
        List.of(
            secret,
            base64.encodeToString((secret + ":api_token").getBytes(StandardCharsets.UTF_8)),
            base64.encodeToString(secret.getBytes(StandardCharsets.UTF_8)))) {
      String shown = form.replaceAll("=+$", ""); // padding may differ where it is cut
      if (!secrets.contains(shown)) {
        secrets.add(shown);
      }
    }
  }

  /** {@code text} with every secret masked. */
  String mask(String text) {
    String masked = text;
    for (String secret : secrets) {
      if (masked.contains(secret)) {
        masked = masked.replaceAll(Pattern.quote(secret) + "=*", MASK); // with base64 padding
      }
    }
    return CREDENTIAL.matcher(masked).replaceAll("$1" + MASK);
  }

  @Override
  public synchronized void write(int b) throws IOException {
    line.write(b);
    if (b == '\n' || line.size() >= LONGEST_HELD) {
      emit();
    }
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      write(b[i]);
    }
  }

  /** Holds a partial line: it is written once its end comes, masked as a whole. */
  @Override
  public synchronized void flush() throws IOException {
    out.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    emit();
    out.close();
  }

  private void emit() throws IOException {
    if (line.size() == 0) {
      return;
    }
    String text = line.toString(StandardCharsets.UTF_8);
    line.reset();
    out.write(mask(text).getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
