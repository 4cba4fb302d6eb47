package io.iisfarm.operator.rollout;

import io.iisfarm.operator.winrm.CaBundles;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * One GET to a host's site, with the Host header the site's binding expects (which the JDK's HTTP clients do
 * not let a caller set) and, over https, the certificate checked against the farm's CA and the Host name. Uses
 * Netty on one thread of its own, released by {@link #close()}.
 */
final class HttpProbe implements AutoCloseable {
  /** What a request got: a status line, or why there was none. */
  record Answer(int status, String reason, String failure) {
    static Answer failed(String why) {
      return new Answer(0, null, why);
    }

    /** e.g. {@code 500 Internal Server Error} or {@code no answer: connection refused}. */
    String describe() {
      return failure != null ? "no answer: " + failure : status + " " + reason;
    }
  }

  private final EventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("health-check", true));
  private final Duration timeout;
  private final SslContext tls;

  HttpProbe(Duration timeout, String caPem) {
    this.timeout = timeout;
    try {
      this.tls = SslContextBuilder.forClient().trustManager(CaBundles.trustManagers(caPem)).build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot build the health checks' TLS context: " + e.getMessage(), e);
    }
  }

  /**
   * GET {@code path} from {@code address:port} for the site bound to {@code bindingPort}, naming
   * {@code hostHeader} (null: the address); never throws for the site's faults.
   */
  Answer get(boolean https, String address, int port, int bindingPort, String hostHeader, String path) {
    CompletableFuture<FullHttpResponse> answer = new CompletableFuture<>();
    String name = hostHeader == null ? address : hostHeader;
    Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            if (https) {
              SslHandler ssl = tls.newHandler(ch.alloc(), name, port);
              SSLEngine engine = ssl.engine();
              SSLParameters parameters = engine.getSSLParameters();
              parameters.setEndpointIdentificationAlgorithm("HTTPS");
              engine.setSSLParameters(parameters);
              ch.pipeline().addLast(ssl);
            }
            ch.pipeline().addLast(new ReadTimeoutHandler(timeout.toMillis(), TimeUnit.MILLISECONDS),
                new HttpClientCodec(), new HttpObjectAggregator(1024 * 1024),
                new SimpleChannelInboundHandler<FullHttpResponse>() {
                  @Override
                  protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
                    answer.complete(response.retainedDuplicate());
                    ctx.close();
                  }

                  @Override
                  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                    answer.completeExceptionally(cause);
                    ctx.close();
                  }

                  @Override
                  public void channelInactive(ChannelHandlerContext ctx) {
                    answer.completeExceptionally(new IllegalStateException("connection closed without an answer"));
                  }
                });
          }
        });
    Channel channel = null;
    try {
      io.netty.channel.ChannelFuture connected = bootstrap.connect(address, port).await();
      if (!connected.isSuccess()) {
        return Answer.failed(describe(connected.cause()));
      }
      channel = connected.channel();
      FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path);
      request.headers().set(HttpHeaderNames.HOST, hostHeader(name, https, bindingPort))
          .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
          .set(HttpHeaderNames.USER_AGENT, "iis-farm-operator health check");
      channel.writeAndFlush(request);
      FullHttpResponse response = answer.get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
      try {
        return new Answer(response.status().code(), response.status().reasonPhrase(), null);
      } finally {
        response.release();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Answer.failed("interrupted");
    } catch (TimeoutException e) {
      return Answer.failed("none within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      return Answer.failed(describe(e.getCause()));
    } catch (RuntimeException e) {
      return Answer.failed(describe(e));
    } finally {
      if (channel != null) {
        channel.close();
      }
    }
  }

  /** The Host header carries the port only when it is not the scheme's default (RFC 9110 7.2). */
  private static String hostHeader(String name, boolean https, int port) {
    return port == (https ? 443 : 80) ? name : name + ":" + port;
  }

  private static String describe(Throwable t) {
    if (t instanceof io.netty.handler.timeout.ReadTimeoutException) {
      return "read timed out";
    }
    String message = t.getMessage();
    return message == null ? t.getClass().getSimpleName() : message;
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }
}
