package io.iisfarm.operator.simulator.wsman;

import io.iisfarm.operator.simulator.windows.CommandResult;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * Serves one connection: authenticates each request, applies the host's faults and answers the
 * shell operations. Runs on an I/O loop and never blocks it: latency and OperationTimeout are
 * timers, commands run on the runtime's command pool.
 */
final class WsmanHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger LOG = LoggerFactory.getLogger(WsmanHttpHandler.class);

  private final WsmanServer server;
  private final ConnectionAuth auth;

  WsmanHttpHandler(WsmanServer server) {
    this.server = server;
    this.auth = new ConnectionAuth(server.config());
  }

  /**
   * What the handler needs of a request after Netty releases its buffer. {@code sealing} is set once the body
   * has been unsealed: the answer is sealed the same way.
   */
  private record Request(HttpMethod method, String path, String authorization, boolean keepAlive,
      byte[] body, String clientIp, String contentType, NtlmSealing sealing) {
    Request unsealed(byte[] plain, NtlmSealing by) {
      return new Request(method, path, authorization, keepAlive, plain, clientIp, contentType, by);
    }
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest http) {
    server.counters().requestStarted();
    String path = http.uri();
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    String clientIp = ctx.channel().remoteAddress() instanceof InetSocketAddress a
        ? a.getAddress().getHostAddress() : "127.0.0.1";
    Request request = new Request(http.method(), path,
        http.headers().get(HttpHeaderNames.AUTHORIZATION), HttpUtil.isKeepAlive(http),
        ByteBufUtil.getBytes(http.content()), clientIp, http.headers().get(HttpHeaderNames.CONTENT_TYPE), null);
    HostFaults faults = server.faults();
    if (faults.refusesConnections()) {
      // the host went down while this connection was open: its reset may not have reached the channel yet
      server.counters().requestFinished();
      reset(ctx.channel());
      return;
    }
    if (faults.hangs()) {
      // read and never answered: the request stays in flight until the client gives up
      ctx.channel().closeFuture().addListener(f -> server.counters().requestFinished());
      return;
    }
    Duration latency = faults.latency();
    if (latency.isZero()) {
      handle(ctx, request);
    } else {
      ctx.executor().schedule(() -> handle(ctx, request), latency.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // a client that hangs up or fails the TLS handshake; nothing to answer
    LOG.debug("WinRM connection to {} failed: {}", server.config().machine(),
        cause.getClass().getSimpleName());
    ctx.close();
  }

  /** Closes with TCP RST, as a host that crashed or a network that broke would. */
  static void reset(Channel channel) {
    if (channel.isOpen()) {
      channel.config().setOption(ChannelOption.SO_LINGER, 0);
      channel.close();
    }
  }

  private void handle(ChannelHandlerContext ctx, Request received) {
    Request unsealed = received;
    Request request = received;
    if (!"/wsman".equalsIgnoreCase(request.path())) {
      respondEmpty(ctx, request, HttpResponseStatus.NOT_FOUND);
      return;
    }
    if (!HttpMethod.POST.equals(request.method())) {
      respondEmpty(ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED);
      return;
    }
    Optional<String> user = authenticate(ctx, request);
    if (user.isEmpty()) {
      return;
    }
    if (request.body().length == 0) {
      // a client sets up its security context with an empty message (pywinrm before sealing)
      respondEmpty(ctx, request, HttpResponseStatus.OK);
      return;
    }
    if (EncryptedMessage.isEncrypted(request.contentType())) {
      NtlmSealing sealing = auth.sealing();
      byte[] payload = EncryptedMessage.payload(request.body());
      if (sealing == null || payload == null) {
        respondEmpty(ctx, request, HttpResponseStatus.BAD_REQUEST);
        return;
      }
      try {
        unsealed = request.unsealed(sealing.unwrap(payload), sealing);
      } catch (NtlmSealing.SealingException e) {
        respondEmpty(ctx, request, HttpResponseStatus.BAD_REQUEST);
        return;
      }
    } else if (!server.config().https() && !server.config().policy().allowUnencrypted()) {
      // AllowUnencrypted=false: a plain SOAP message over HTTP is refused (the exact status Windows gives is not
      // documented; 400 here)
      respondEmpty(ctx, request, HttpResponseStatus.BAD_REQUEST);
      return;
    }
    dispatch(ctx, unsealed, user.get());
  }

  /** Parses the (unsealed) envelope and answers its operation. */
  private void dispatch(ChannelHandlerContext ctx, Request request, String user) {
    SoapRequest soap;
    try {
      soap = SoapRequest.parse(request.body());
    } catch (SoapRequest.MalformedRequestException e) {
      respondEmpty(ctx, request, HttpResponseStatus.BAD_REQUEST);
      return;
    }
    WsmanOperation operation = WsmanOperation.fromAction(soap.action());
    if (operation == null) {
      fault(ctx, request, soap, WsmanFault.actionNotSupported());
      return;
    }
    WsmanServerConfig.Quotas quotas = server.config().quotas();
    if (soap.operationTimeout().toMillis() > quotas.maxTimeoutMs()) {
      fault(ctx, request, soap, WsmanFault.timeoutAboveMaximum(quotas.maxTimeoutMs()));
      return;
    }
    Optional<WsmanFaultKind> injected = server.faults().faultFor(operation);
    if (injected.isPresent()) {
      fault(ctx, request, soap, WsmanFault.of(injected.get(), soap.selector("ShellId").orElse(""),
          server.config().maxShellsPerUser()));
      return;
    }
    switch (operation) {
      case CREATE -> create(ctx, request, soap, user);
      case COMMAND -> command(ctx, request, soap);
      case RECEIVE -> receive(ctx, request, soap);
      case SEND -> withShell(ctx, request, soap, shell ->
          respond(ctx, request, HttpResponseStatus.OK, WsmanResponses.sendResponse(soap.messageId())));
      case SIGNAL -> signal(ctx, request, soap);
      case DELETE -> delete(ctx, request, soap);
      default -> fault(ctx, request, soap, WsmanFault.actionNotSupported());
    }
  }

  /** The authenticated user, or empty when a 401 has been sent instead. */
  private Optional<String> authenticate(ChannelHandlerContext ctx, Request request) {
    ConnectionAuth.Outcome outcome = server.faults().alwaysUnauthorized()
        ? new ConnectionAuth.Rejected() : auth.authenticate(request.authorization());
    if (outcome instanceof ConnectionAuth.Authenticated ok) {
      return Optional.of(ok.user());
    }
    unauthorized(ctx, request, outcome instanceof ConnectionAuth.Challenge c
        ? List.of(c.wwwAuthenticate()) : auth.offeredSchemes());
    return Optional.empty();
  }

  private void create(ChannelHandlerContext ctx, Request request, SoapRequest soap, String user) {
    int max = server.config().maxShellsPerUser();
    synchronized (server.shells()) {
      long owned = server.shells().values().stream().filter(s -> s.owner().equals(user)).count();
      if (max > 0 && owned >= max) {
        fault(ctx, request, soap, WsmanFault.shellQuotaExceeded(max));
        return;
      }
      int maxUsers = server.config().quotas().maxConcurrentUsers();
      long users = server.shells().values().stream().map(ShellSession::owner).distinct().count();
      if (owned == 0 && maxUsers > 0 && users >= maxUsers) {
        fault(ctx, request, soap, WsmanFault.tooManyUsers(maxUsers));
        return;
      }
      ShellSession shell = new ShellSession(user, request.clientIp(), codePage(soap));
      server.shells().put(shell.id(), shell);
      server.counters().shellOpened();
      respond(ctx, request, HttpResponseStatus.OK, WsmanResponses.createResponse(soap.messageId(),
          server.endpoint().toString(), shell, server.config().shellInCreateResponse()));
    }
  }

  /** WINRS_CODEPAGE when it names a number, else the host's OEM code page (MS-WSMV 2.2.4.37). */
  private int codePage(SoapRequest soap) {
    try {
      return soap.option("WINRS_CODEPAGE").map(String::strip).map(Integer::parseInt)
          .orElse(server.runner().oemCodePage());
    } catch (NumberFormatException e) {
      return server.runner().oemCodePage();
    }
  }

  private void command(ChannelHandlerContext ctx, Request request, SoapRequest soap) {
    withShell(ctx, request, soap, shell -> {
      server.counters().commandReceived();
      Element commandLine = soap.bodyContent();
      if (commandLine == null || !"CommandLine".equals(commandLine.getLocalName())) {
        respondEmpty(ctx, request, HttpResponseStatus.BAD_REQUEST);
        return;
      }
      StringBuilder line = new StringBuilder(
          SoapRequest.child(commandLine, "Command").map(SoapRequest::text).orElse(""));
      SoapRequest.children(commandLine, "Arguments")
          .forEach(arg -> line.append(' ').append(SoapRequest.text(arg)));
      Optional<HostFaults.DropPoint> drop = server.faults().countCommandForDrop(line.toString());
      if (drop.isPresent() && drop.get() == HostFaults.DropPoint.BEFORE_RUN) {
        server.counters().requestFinished();
        reset(ctx.channel());
        return;
      }
      CommandExecution execution = shell.newCommand(line.toString());
      server.runtime().commands().execute(() -> run(execution));
      if (drop.isPresent()) {
        execution.whenDone(() -> {
          server.counters().requestFinished();
          reset(ctx.channel());
        });
        return;
      }
      respond(ctx, request, HttpResponseStatus.OK,
          WsmanResponses.commandResponse(soap.messageId(), execution.id()));
    });
  }

  /** On the command pool: run, journal, tell listeners (drift), then release the output. */
  private void run(CommandExecution execution) {
    String line = execution.commandLine();
    WsmanCounters counters = server.counters();
    counters.commandStarted();
    CommandResult result;
    try {
      result = server.faults().failureFor(line)
          .map(f -> new CommandResult(f.exitCode(), "", f.stderr(), false))
          .orElseGet(() -> server.runner().run(line, execution.codePage()));
    } catch (RuntimeException e) {
      // the command line may carry key material: name the failure, never the line
      LOG.warn("simulated host {} failed running a command: {}", server.config().machine(),
          e.getClass().getName());
      result = new CommandResult(1, "", "simulator: internal error: " + e.getClass().getSimpleName()
          + "\r\n", false);
    } finally {
      counters.commandFinished();
    }
    JournalEntry entry = new JournalEntry(Instant.now(), line, result.exitCode(), result.changedHost());
    server.journal().record(entry);
    for (CommandListener listener : server.listeners()) {
      try {
        listener.commandRan(entry);
      } catch (RuntimeException e) {
        LOG.warn("command listener on {} failed: {}", server.config().machine(),
            e.getClass().getName());
      }
    }
    Optional<java.time.Duration> slow = server.faults().extraRunTime(line);
    if (slow.isPresent()) {
      CommandResult done = result;
      server.runtime().schedule(() -> execution.complete(done), slow.get());
      return;
    }
    execution.complete(result);
  }

  private void receive(ChannelHandlerContext ctx, Request request, SoapRequest soap) {
    withShell(ctx, request, soap, shell -> {
      Element receive = soap.bodyContent();
      String commandId = receive == null ? null : SoapRequest.child(receive, "DesiredStream")
          .flatMap(stream -> SoapRequest.attribute(stream, "CommandId")).orElse(null);
      Optional<CommandExecution> found = shell.command(commandId);
      if (found.isEmpty()) {
        fault(ctx, request, soap, WsmanFault.commandNotFound());
        return;
      }
      CommandExecution execution = found.get();
      // the envelope is at most what the client accepts and what the service sends (MaxEnvelopeSizekb)
      int envelope = Math.min(soap.maxEnvelopeSize(), server.config().quotas().maxEnvelopeSizeKb() * 1024);
      int budget = Math.max(1024, (envelope - WsmanResponses.receiveOverhead(execution.id())) * 3 / 4);
      AtomicBoolean answered = new AtomicBoolean();
      var timeout = ctx.executor().schedule(() -> {
        if (answered.compareAndSet(false, true)) {
          fault(ctx, request, soap, WsmanFault.operationTimedOut());
        }
      }, soap.operationTimeout().toNanos(), TimeUnit.NANOSECONDS);
      execution.whenDone(() -> ctx.executor().execute(() -> {
        if (answered.compareAndSet(false, true)) {
          timeout.cancel(false);
          CommandExecution.OutputChunk chunk = execution.nextChunk(budget);
          server.counters().receiveAnswered(chunk.stdout().length + chunk.stderr().length);
          respond(ctx, request, HttpResponseStatus.OK, WsmanResponses.receiveResponse(
              soap.messageId(), execution.id(), chunk.stdout(), chunk.stderr(), chunk.last(),
              chunk.exitCode()));
        }
      }));
    });
  }

  private void signal(ChannelHandlerContext ctx, Request request, SoapRequest soap) {
    withShell(ctx, request, soap, shell -> {
      Element signal = soap.bodyContent();
      String commandId = signal == null ? null
          : SoapRequest.attribute(signal, "CommandId").orElse(null);
      if (shell.command(commandId).isEmpty()) {
        fault(ctx, request, soap, WsmanFault.commandNotFound());
        return;
      }
      // terminate, ctrl_c and ctrl_break all end an emulated command; its output is discarded
      shell.removeCommand(commandId);
      respond(ctx, request, HttpResponseStatus.OK, WsmanResponses.signalResponse(soap.messageId()));
    });
  }

  private void delete(ChannelHandlerContext ctx, Request request, SoapRequest soap) {
    withShell(ctx, request, soap, shell -> {
      if (server.shells().remove(shell.id()) != null) {
        server.counters().shellClosed();
      }
      respond(ctx, request, HttpResponseStatus.OK, WsmanResponses.deleteResponse(soap.messageId()));
    });
  }

  private void withShell(ChannelHandlerContext ctx, Request request, SoapRequest soap,
      java.util.function.Consumer<ShellSession> action) {
    String shellId = soap.selector("ShellId").orElse("");
    ShellSession shell = server.shells().get(shellId.toUpperCase(Locale.ROOT));
    if (shell == null) {
      fault(ctx, request, soap, WsmanFault.shellNotFound(shellId));
      return;
    }
    action.accept(shell);
  }

  /** 401 with an NTLM challenge, or listing the schemes this listener accepts; no body. */
  private void unauthorized(ChannelHandlerContext ctx, Request request, List<String> headers) {
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.UNAUTHORIZED, Unpooled.EMPTY_BUFFER);
    headers.forEach(value -> response.headers().add("WWW-Authenticate", value));
    send(ctx, request, response);
  }

  private void fault(ChannelHandlerContext ctx, Request request, SoapRequest soap, WsmanFault f) {
    respond(ctx, request, HttpResponseStatus.INTERNAL_SERVER_ERROR,
        WsmanResponses.fault(soap.messageId(), f, server.config().machine()));
  }

  private void respondEmpty(ChannelHandlerContext ctx, Request request, HttpResponseStatus status) {
    send(ctx, request, new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
        Unpooled.EMPTY_BUFFER));
  }

  private void respond(ChannelHandlerContext ctx, Request request, HttpResponseStatus status,
      String envelope) {
    byte[] body = envelope.getBytes(StandardCharsets.UTF_8);
    boolean sealed = request.sealing() != null;
    if (sealed) {
      // answers to a sealed request are sealed too, faults included (MS-WSMV 2.2.9.1)
      body = EncryptedMessage.frame(request.sealing().wrap(body), body.length);
    }
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
        Unpooled.wrappedBuffer(body));
    response.headers().set("Content-Type", sealed ? EncryptedMessage.CONTENT_TYPE
        : "application/soap+xml;charset=UTF-8");
    send(ctx, request, response);
  }

  private void send(ChannelHandlerContext ctx, Request request, FullHttpResponse response) {
    server.counters().requestFinished();
    // header names in Windows' (HTTP.sys) spelling
    response.headers().set("Server", "Microsoft-HTTPAPI/2.0");
    response.headers().set("Content-Length", response.content().readableBytes());
    if (!ctx.channel().isActive()) {
      response.release();
      return;
    }
    if (request.keepAlive()) {
      ctx.writeAndFlush(response);
    } else {
      response.headers().set("Connection", HttpHeaderValues.CLOSE);
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }
}
