package io.iisfarm.operator.simulator.wsman;

import io.iisfarm.operator.simulator.windows.CommandRunner;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The WinRM listener of one simulated host: {@code /wsman} on 127.0.0.1, speaking the MS-WSMV remote
 * shell (Create, Command, Receive, Send, Signal, Delete) over HTTP/1.1 keep-alive, with Basic auth
 * over HTTP or HTTPS and NTLM over HTTPS. Commands go to the host's {@link CommandRunner}. Runs on a shared
 * {@link WsmanRuntime}: no thread of its own.
 */
public final class WsmanServer implements AutoCloseable {
  /** Request bodies are envelopes of at most MaxEnvelopeSize (500 KB by default on Windows). */
  static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024;

  private final WsmanServerConfig config;
  private final CommandRunner runner;
  private final WsmanRuntime runtime;
  private final SslContext sslContext;
  private final HostFaults faults = new HostFaults();
  private final CommandJournal journal = new CommandJournal();
  private final WsmanCounters counters = new WsmanCounters();
  private final List<CommandListener> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, ShellSession> shells = new ConcurrentHashMap<>();
  private final ChannelGroup connections = new DefaultChannelGroup(ImmediateEventExecutor.INSTANCE);
  private Channel listener;
  /** Holds the port while connections are refused, so that nothing else takes it meanwhile. */
  private Socket portHolder;
  private int boundPort;
  private boolean started;
  private boolean closed;

  /**
   * @param tls the farm's TLS identity; required when {@code config.https()}
   */
  public WsmanServer(WsmanServerConfig config, CommandRunner runner, WsmanRuntime runtime,
      TlsIdentity tls) {
    this.config = Objects.requireNonNull(config, "config");
    this.runner = Objects.requireNonNull(runner, "runner");
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    if (config.https()) {
      this.sslContext = Objects.requireNonNull(tls, "HTTPS needs a TLS identity")
          .serverContext(config.tlsProtocols());
    } else {
      this.sslContext = null;
    }
    this.boundPort = config.port();
    faults.onRefuseChange(this::applyRefuseConnections);
  }

  /**
   * Binds the port (a free one when the configured port is 0). A host told to refuse connections
   * binds once to learn its port, then stops listening.
   */
  public synchronized WsmanServer start() {
    if (closed) {
      throw new IllegalStateException("server closed");
    }
    started = true;
    if (listener == null) {
      bind();
    }
    if (faults.refusesConnections()) {
      unbindAndHoldPort();
    }
    return this;
  }

  public int port() {
    return boundPort;
  }

  /** {@code http(s)://127.0.0.1:<port>/wsman}. */
  public URI endpoint() {
    return URI.create((config.https() ? "https" : "http") + "://127.0.0.1:" + boundPort + "/wsman");
  }

  public WsmanServerConfig config() {
    return config;
  }

  public HostFaults faults() {
    return faults;
  }

  public CommandJournal journal() {
    return journal;
  }

  public WsmanCounters counters() {
    return counters;
  }

  public void addCommandListener(CommandListener commandListener) {
    listeners.add(Objects.requireNonNull(commandListener));
  }

  /** Shells open now, whoever owns them. */
  public int openShells() {
    return shells.size();
  }

  /** Commands held in open shells: run, but not yet ended by a Signal (or their shell's Delete). */
  public int commandsHeld() {
    return shells.values().stream().mapToInt(ShellSession::commandCount).sum();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    unbind();
    releasePort();
    connections.close().awaitUninterruptibly();
    shells.clear();
  }

  CommandRunner runner() {
    return runner;
  }

  WsmanRuntime runtime() {
    return runtime;
  }

  Map<String, ShellSession> shells() {
    return shells;
  }

  List<CommandListener> listeners() {
    return listeners;
  }

  private void bind() {
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(runtime.acceptor(), runtime.io())
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_REUSEADDR, true)
        .option(ChannelOption.SO_BACKLOG, 128)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            connections.add(ch);
            counters.connectionAccepted();
            ch.closeFuture().addListener(closed -> counters.connectionClosed());
            if (sslContext != null) {
              ch.pipeline().addLast("tls", sslContext.newHandler(ch.alloc()));
            }
            ch.pipeline()
                .addLast("http", new HttpServerCodec())
                .addLast("aggregate", new HttpObjectAggregator(MAX_REQUEST_BYTES))
                .addLast("wsman", new WsmanHttpHandler(WsmanServer.this));
          }
        });
    Channel bound = bootstrap.bind(new InetSocketAddress("127.0.0.1", boundPort))
        .syncUninterruptibly().channel();
    boundPort = ((InetSocketAddress) bound.localAddress()).getPort();
    listener = bound;
  }

  private void unbind() {
    if (listener != null) {
      listener.close().awaitUninterruptibly();
      listener = null;
    }
  }

  /** Host down: stop listening and reset every open connection; back up: listen on the same port. */
  private synchronized void applyRefuseConnections() {
    if (closed || !started) {
      return;
    }
    if (faults.refusesConnections()) {
      unbindAndHoldPort();
      connections.forEach(WsmanHttpHandler::reset);
      int lost = shells.size();
      shells.clear();
      counters.shellsLost(lost);
    } else if (listener == null) {
      releasePort();
      bind();
    }
  }

  /**
   * Stops listening but keeps the port bound by a socket that does not listen: connecting gets
   * "connection refused", as from a host whose service is down, and no other program can take the
   * port (or a client pick it as its own local port) before the host comes back.
   */
  private void unbindAndHoldPort() {
    unbind();
    if (portHolder != null) {
      return;
    }
    // NIO closes a listening socket for real only when its selector next runs: retry briefly
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (true) {
      Socket holder = new Socket();
      try {
        holder.setReuseAddress(true);
        holder.bind(new InetSocketAddress("127.0.0.1", boundPort));
        portHolder = holder;
        return;
      } catch (IOException e) {
        closeQuietly(holder);
        if (System.nanoTime() > deadline) {
          throw new UncheckedIOException("cannot hold port " + boundPort, e);
        }
        sleepBriefly();
      }
    }
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while refusing connections", e);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // an unconnected socket; nothing to release beyond the descriptor
    }
  }

  private void releasePort() {
    if (portHolder != null) {
      closeQuietly(portHolder);
      portHolder = null;
    }
  }

  @Override
  public String toString() {
    return "WsmanServer[" + config.machine() + " " + endpoint() + "]";
  }
}
