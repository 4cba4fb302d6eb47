package io.iisfarm.operator.simulator.wsman;

import io.iisfarm.operator.simulator.windows.HttpAnswer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated host's web sites on loopback: one plain-HTTP listener on 127.0.0.1 per binding port of its sites
 * (port 80 of a binding is served on a free port, or a fixed one), answering as the host says. Runs on the
 * shared {@link WsmanRuntime}: no thread of its own.
 */
public final class SiteHttpListener implements AutoCloseable {
  /** The host's answer to a request on one of its binding ports. */
  @FunctionalInterface
  public interface Responder {
    HttpAnswer answer(int bindingPort, String hostHeader);
  }

  private final Map<Integer, Integer> ports = new LinkedHashMap<>();
  private final List<Channel> channels = new ArrayList<>();

  private SiteHttpListener() {}

  /**
   * Listens for each of {@code bindingPorts}; {@code fixed} maps binding ports to the loopback port to use
   * (others get a free one).
   */
  public static SiteHttpListener start(WsmanRuntime runtime, List<Integer> bindingPorts, Map<Integer, Integer> fixed,
      Responder responder) {
    SiteHttpListener listener = new SiteHttpListener();
    try {
      for (int binding : bindingPorts) {
        int port = fixed.getOrDefault(binding, 0);
        Channel channel = new ServerBootstrap()
            .group(runtime.acceptor(), runtime.io())
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childHandler(new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(64 * 1024),
                    new Handler(runtime, binding, responder));
              }
            })
            .bind(new InetSocketAddress("127.0.0.1", port)).syncUninterruptibly().channel();
        listener.channels.add(channel);
        listener.ports.put(binding, ((InetSocketAddress) channel.localAddress()).getPort());
      }
    } catch (RuntimeException e) {
      listener.close();
      throw e;
    }
    return listener;
  }

  /** Binding port to the loopback port that serves it. */
  public Map<Integer, Integer> ports() {
    return Map.copyOf(ports);
  }

  @Override
  public void close() {
    channels.forEach(c -> c.close().awaitUninterruptibly());
    channels.clear();
  }

  private static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final WsmanRuntime runtime;
    private final int binding;
    private final Responder responder;

    Handler(WsmanRuntime runtime, int binding, Responder responder) {
      this.runtime = runtime;
      this.binding = binding;
      this.responder = responder;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      String host = request.headers().get(HttpHeaderNames.HOST);
      boolean keepAlive = HttpUtil.isKeepAlive(request);
      boolean head = HttpMethod.HEAD.equals(request.method());
      // the host answers under its lock, which a long command line may hold: not on the I/O loop
      runtime.execute(() -> {
        HttpAnswer answer = responder.answer(binding, host);
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
            new HttpResponseStatus(answer.status(), answer.reason()),
            head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        // header names in Windows' spelling
        response.headers().set("Content-Type", answer.site() == null ? "text/html; charset=us-ascii" : "text/html")
            .set("Server", answer.server())
            .set("Content-Length", body.length);
        if (keepAlive) {
          ctx.writeAndFlush(response);
        } else {
          response.headers().set("Connection", "close");
          ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
      });
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
