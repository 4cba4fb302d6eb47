package io.iisfarm.operator.winrm;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Reports the first failed request of a running command to the thread waiting for it. winrm4j sends a
 * Signal in a {@code finally} after a failed Receive; against a hung host that would double the wait, so
 * the waiting thread returns as soon as one request has failed and leaves the rest to the worker thread.
 */
final class RequestWatch extends AbstractPhaseInterceptor<Message> {

  static final RequestWatch INSTANCE = new RequestWatch();

  /** The command a worker thread is running, if any. */
  static final ThreadLocal<CompletableFuture<Exception>> CURRENT = new ThreadLocal<>();

  private RequestWatch() {
    super(Phase.SETUP);
  }

  @Override
  public void handleMessage(Message message) {
    // nothing to do on the way out; only failures matter
  }

  @Override
  public void handleFault(Message message) {
    CompletableFuture<Exception> failure = CURRENT.get();
    if (failure != null) {
      Exception e = message.getContent(Exception.class);
      failure.complete(e != null ? e : new IOException("request failed"));
    }
  }
}
