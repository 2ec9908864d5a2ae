package dev.toggltrackmcp.transport;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * For {@link EagerContentHandler}: reads a request's whole body without a thread (as bytes arrive),
 * copies it into memory, and only then hands the request to the servlets, whose blocking reads then
 * never wait. A body larger than {@code largest} gets 413; one still incomplete after {@code
 * deadline} gets 408 and the connection closed, so a client trickling a byte now and then holds
 * neither a thread nor its connection for long.
 */
final class WholeBodyFirst implements EagerContentHandler.ContentLoaderFactory {
  private final long largest;
  private final Duration deadline;

  WholeBodyFirst(long largest, Duration deadline) {
    this.largest = largest;
    this.deadline = deadline;
  }

  @Override
  public String getApplicableMimeType() {
    return null; // every content type
  }

  @Override
  public EagerContentHandler.ContentLoader newContentLoader(
      String contentType,
      String mimeType,
      Handler handler,
      Request request,
      Response response,
      Callback callback) {
    return new Loader(handler, request, response, callback);
  }

  private final class Loader extends EagerContentHandler.ContentLoader implements Invocable.Task {
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final AtomicBoolean settled = new AtomicBoolean();
    private volatile Scheduler.Task timer;

    Loader(Handler handler, Request request, Response response, Callback callback) {
      super(handler, request, response, callback);
    }

    @Override
    protected void load() {
      timer =
          getRequest()
              .getComponents()
              .getScheduler()
              .schedule(this::tooSlow, deadline.toMillis(), TimeUnit.MILLISECONDS);
      read(false);
    }

    /** Called by Jetty when more of the body has arrived. */
    @Override
    public void run() {
      read(true);
    }

    @Override
    public InvocationType getInvocationType() {
      return InvocationType.NON_BLOCKING; // only copies bytes; the handler runs on a pool thread
    }

    private void read(boolean onArrival) {
      while (!settled.get()) {
        Content.Chunk chunk = getRequest().read();
        if (chunk == null) {
          getRequest().demand(this);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          chunk.release();
          if (settle()) {
            getCallback().failed(chunk.getFailure());
          }
          return;
        }
        if (body.size() + (long) chunk.remaining() > largest) {
          chunk.release();
          if (settle()) {
            refuse(413, "too_large", "Request body larger than " + largest + " bytes.");
          }
          return;
        }
        ByteBuffer bytes = chunk.getByteBuffer();
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        body.write(copy, 0, copy.length);
        boolean last = chunk.isLast();
        chunk.release();
        if (last) {
          if (settle()) {
            Request whole = new BodyInMemory(getRequest(), body.toByteArray());
            if (onArrival) {
              getRequest().getContext().execute(() -> handle(whole, getResponse(), getCallback()));
            } else {
              handle(whole, getResponse(), getCallback());
            }
          }
          return;
        }
      }
    }

    private void tooSlow() {
      if (settle()) {
        refuse(
            408,
            "too_slow",
            "The request body did not arrive within "
                + deadline.toSeconds()
                + " s; send it in one go.");
      }
    }

    /** True for the one caller that decides how this request ends. */
    private boolean settle() {
      if (!settled.compareAndSet(false, true)) {
        return false;
      }
      Scheduler.Task t = timer;
      if (t != null) {
        t.cancel();
      }
      return true;
    }

    /** Refuses without reading on (the rest of the body may never come) and closes. */
    private void refuse(int status, String code, String message) {
      JsonErrors.refuseAndClose(getResponse(), getCallback(), status, code, message);
    }
  }

  /** The request with its body already read: one chunk, the last. */
  private static final class BodyInMemory extends Request.Wrapper {
    private Content.Chunk body;

    BodyInMemory(Request request, byte[] body) {
      super(request);
      this.body = Content.Chunk.from(ByteBuffer.wrap(body), true);
    }

    @Override
    public synchronized Content.Chunk read() {
      Content.Chunk next = body;
      if (next == null) {
        return super.read(); // the real request is at its end
      }
      body = null;
      return next;
    }
  }
}
