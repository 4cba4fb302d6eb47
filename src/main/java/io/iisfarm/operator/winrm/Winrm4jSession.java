package io.iisfarm.operator.winrm;

import io.cloudsoft.winrm4j.client.PayloadEncryptionMode;
import io.cloudsoft.winrm4j.client.WinRmClient;
import io.cloudsoft.winrm4j.client.WinRmClientBuilder;
import io.cloudsoft.winrm4j.client.WinRmClientContext;
import io.cloudsoft.winrm4j.client.retry.RetryDecision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.xml.ws.BindingProvider;
import org.apache.cxf.Bus;
import org.apache.http.client.config.AuthSchemes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link WinRmSession} on one winrm4j client and one of its shells. */
final class Winrm4jSession implements WinRmSession {
  private static final Logger LOG = LoggerFactory.getLogger(Winrm4jSession.class);

  /** winrm4j retries failed requests 16 times, 5 s apart, by default; retry policy belongs to the reconciler. */
  private static final RetryDecision NEVER = new RetryDecision() {
    @Override public boolean shouldRetry() { return false; }
    @Override public long pauseTimeMillis() { return 0; }
    @Override public Optional<String> reason() { return Optional.of("retries are the caller's decision"); }
  };

  private final WinRmEndpoint endpoint;
  private final WinRmClient client;
  private final WinRmClientPool pool;
  private final WinRmClientPool.Key key;
  private final Redactor redactor;
  private final WinRmListener listener;
  private final ExecutorService workers;
  private final Runnable onClose;
  private final CommandDeadline deadline;
  private CmdShell shell;
  private WinRmException broken;
  private boolean closed;

  /** The end of the running command, read by winrm4j's "poll again after OperationTimeout" predicate. */
  private static final class CommandDeadline {
    volatile long nanos = Long.MAX_VALUE;

    boolean notPassed() { return System.nanoTime() - nanos < 0; }
  }

  private Winrm4jSession(WinRmEndpoint endpoint, WinRmClient client, WinRmClientPool pool, WinRmClientPool.Key key,
      Redactor redactor, WinRmListener listener, ExecutorService workers, Runnable onClose, CommandDeadline deadline) {
    this.endpoint = endpoint;
    this.client = client;
    this.pool = pool;
    this.key = key;
    this.redactor = redactor;
    this.listener = listener;
    this.workers = workers;
    this.onClose = onClose;
    this.deadline = deadline;
  }

  static Winrm4jSession open(WinRmEndpoint endpoint, WinRmCredentials credentials, CxfBuses.Transport transport,
      WinRmClientPool pool, WinRmListener listener, ExecutorService workers, Runnable onClose) {
    Redactor redactor = new Redactor(List.of(credentials.revealPassword()));
    CommandDeadline deadline = new CommandDeadline();
    long start = System.nanoTime();
    WinRmClientPool.Key key = new WinRmClientPool.Key(endpoint, credentials);
    WinRmClient client = null;
    try {
      client = pool.take(key);
      if (client == null) {
        client = builder(endpoint, credentials, transport.bus()).build();
        transport.http().adopt(client);
        ClientOwnedCredentials.install(client, credentials);
        // without SOAP handlers CXF reads and writes messages as streams; ShellBodySkipper does the handler's job
        ((BindingProvider) CmdShell.portOf(client)).getBinding().setHandlerChain(new ArrayList<>());
      }
      Winrm4jSession session = new Winrm4jSession(endpoint, client, pool, key, redactor, listener, workers, onClose,
          deadline);
      session.shell = CmdShell.create(client, endpoint.wsmanOperationTimeout());
      emit(listener, endpoint, WinRmRequestEvent.Operation.OPEN_SHELL, start, null);
      LOG.debug("host {}: shell open", endpoint.label());
      return session;
    } catch (RuntimeException e) {
      WinRmException failure = WinRmErrors.classify(e, endpoint, redactor, false);
      emit(listener, endpoint, WinRmRequestEvent.Operation.OPEN_SHELL, start, failure.kind());
      if (client != null) {
        client.close();
      }
      if (onClose != null) {
        onClose.run();
      }
      throw failure;
    }
  }

  private static WinRmClientBuilder builder(WinRmEndpoint endpoint, WinRmCredentials credentials, Bus bus) {
    long connectMillis = endpoint.connectTimeout().toMillis();
    return WinRmClient.builder(endpoint.url())
        .authenticationScheme(endpoint.auth() == WinRmEndpoint.Auth.BASIC ? AuthSchemes.BASIC : AuthSchemes.NTLM)
        .credentials(credentials.domain(), credentials.user(), credentials.revealPassword())
        .context(WinRmClientContext.newInstance(bus))
        // the same values the bus applies to every conduit; winrm4j re-applies them for NTLM only
        .connectionTimeout(connectMillis)
        .connectionRequestTimeout(connectMillis)
        .receiveTimeout(endpoint.operationTimeout().toMillis())
        .operationTimeout(endpoint.wsmanOperationTimeout().toMillis())
        .failureRetryPolicy((exception, attempt) -> NEVER)
        // over HTTPS TLS already encrypts; over plain HTTP Windows (AllowUnencrypted=false) takes only messages
        // sealed with the NTLM session key (MS-WSMV 2.2.9.1.1), which winrm4j does: required, never optional
        .payloadEncryptionMode(endpoint.isHttps() || endpoint.auth() == WinRmEndpoint.Auth.BASIC
            ? PayloadEncryptionMode.OFF : PayloadEncryptionMode.REQUIRED);
  }

  @Override
  public String host() { return endpoint.label(); }

  @Override
  public WinRmEndpoint endpoint() { return endpoint; }

  @Override
  public synchronized CommandOutput run(String commandLine) {
    if (closed) {
      throw new IllegalStateException("session to " + endpoint.label() + " is closed");
    }
    if (broken != null) {
      throw broken;
    }
    long start = System.nanoTime();
    deadline.nanos = start + endpoint.commandTimeout().toNanos();
    CompletableFuture<Exception> requestFailure = new CompletableFuture<>();
    CompletableFuture<CmdShell.Output> exit = CompletableFuture.supplyAsync(() -> {
      RequestWatch.CURRENT.set(requestFailure);
      try {
        return shell.run(commandLine, deadline::notPassed);
      } finally {
        RequestWatch.CURRENT.remove();
      }
    }, workers);
    long safetyNet = endpoint.commandTimeout().plus(endpoint.operationTimeout()).plusSeconds(5).toMillis();
    try {
      CompletableFuture.anyOf(exit, requestFailure).get(safetyNet, TimeUnit.MILLISECONDS);
      if (exit.isDone() && !exit.isCompletedExceptionally()) {
        CmdShell.Output raw = exit.join();
        CommandOutput output = new CommandOutput(raw.exitCode(), raw.stdoutText(), raw.stderrText(), elapsed(start),
            new CommandOutput.Raw(raw.stdout(), raw.stderr(), CmdShell.CODE_PAGE));
        emit(listener, endpoint, WinRmRequestEvent.Operation.COMMAND, start, null);
        LOG.debug("host {}: command exited {} after {} ms", endpoint.label(), output.exitCode(), output.duration().toMillis());
        return output;
      }
      Throwable cause = exit.isCompletedExceptionally() ? causeOf(exit) : requestFailure.join();
      throw fail(WinRmErrors.classify(cause, endpoint, redactor, !deadline.notPassed()), start);
    } catch (ExecutionException e) {
      throw fail(WinRmErrors.classify(e.getCause(), endpoint, redactor, !deadline.notPassed()), start);
    } catch (TimeoutException e) {
      throw fail(new WinRmTimeoutException(endpoint.label(), WinRmTimeoutException.Phase.COMMAND,
          endpoint.commandTimeout(), "the command did not finish within the command timeout ("
              + WinRmErrors.seconds(endpoint.commandTimeout()) + ")", null), start);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw fail(new WinRmTimeoutException(endpoint.label(), WinRmTimeoutException.Phase.COMMAND,
          endpoint.commandTimeout(), "interrupted while waiting for the command", e), start);
    }
  }

  private static Throwable causeOf(CompletableFuture<?> future) {
    try {
      future.join();
      return new IllegalStateException("completed normally");
    } catch (java.util.concurrent.CompletionException e) {
      return e.getCause() == null ? e : e.getCause();
    }
  }

  private WinRmException fail(WinRmException failure, long start) {
    broken = failure;
    emit(listener, endpoint, WinRmRequestEvent.Operation.COMMAND, start, failure.kind());
    LOG.debug("host {}: command failed: {}", endpoint.label(), failure.getMessage());
    return failure;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      // after a WS-Man fault or a command that outran its deadline the host is answering: delete the shell, or
      // it counts against the user's MaxShellsPerUser quota (5 on WinRM 2.0) until it idles out; after a
      // transport failure never wait on the host again
      boolean reusable = broken == null;
      if (hostAnswers(broken) && shell != null) {
        long start = System.nanoTime();
        try {
          shell.delete();
          emit(listener, endpoint, WinRmRequestEvent.Operation.CLOSE_SHELL, start, null);
        } catch (RuntimeException e) {
          reusable = false;
          WinRmException failure = WinRmErrors.classify(e, endpoint, redactor, false);
          emit(listener, endpoint, WinRmRequestEvent.Operation.CLOSE_SHELL, start, failure.kind());
          LOG.debug("host {}: deleting the shell failed: {}", endpoint.label(), failure.getMessage());
        }
      }
      // a client whose session failed may hold a half-done exchange or stale authentication: not kept
      if (reusable) {
        pool.give(key, client);
      } else {
        client.close();
      }
    } finally {
      if (onClose != null) {
        onClose.run();
      }
    }
  }

  private static boolean hostAnswers(WinRmException failure) {
    return failure == null || failure instanceof WsManFaultException
        || failure instanceof WinRmTimeoutException t && t.phase() == WinRmTimeoutException.Phase.COMMAND
            && t.getCause() instanceof javax.xml.ws.soap.SOAPFaultException;
  }

  private static Duration elapsed(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  private static void emit(WinRmListener listener, WinRmEndpoint endpoint, WinRmRequestEvent.Operation operation,
      long startNanos, WinRmException.Kind failure) {
    try {
      listener.onRequest(new WinRmRequestEvent(endpoint.label(), operation, elapsed(startNanos), failure));
    } catch (RuntimeException e) {
      LOG.debug("WinRM listener failed", e);
    }
  }
}
