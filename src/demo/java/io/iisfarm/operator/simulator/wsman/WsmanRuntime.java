package io.iisfarm.operator.simulator.wsman;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads every simulated host shares: one acceptor, a few non-blocking I/O loops (which also
 * run the latency and timeout timers) and a small pool that runs emulated commands. The count does
 * not grow with hosts or connections; 2,000 hosts run on the same handful of threads as one.
 */
public final class WsmanRuntime implements AutoCloseable {
  private final EventLoopGroup acceptor;
  private final EventLoopGroup io;
  private final ThreadPoolExecutor commands;

  private WsmanRuntime(int ioThreads, int commandThreads) {
    this.acceptor = new NioEventLoopGroup(1, new DefaultThreadFactory("wsman-accept", true));
    this.io = new NioEventLoopGroup(ioThreads, new DefaultThreadFactory("wsman-io", true));
    this.commands = new ThreadPoolExecutor(commandThreads, commandThreads, 0, TimeUnit.MILLISECONDS,
        new LinkedBlockingQueue<>(), new DefaultThreadFactory("wsman-command", true));
  }

  /** Sized for the machine: two I/O loops per core (at most 4) and as many command threads. */
  public static WsmanRuntime create() {
    int cores = Runtime.getRuntime().availableProcessors();
    int threads = Math.max(2, Math.min(4, cores * 2));
    return new WsmanRuntime(threads, threads);
  }

  public static WsmanRuntime create(int ioThreads, int commandThreads) {
    return new WsmanRuntime(ioThreads, commandThreads);
  }

  EventLoopGroup acceptor() {
    return acceptor;
  }

  EventLoopGroup io() {
    return io;
  }

  ExecutorService commands() {
    return commands;
  }

  /** Schedules work on the shared timer (an I/O loop); the task must not block. */
  public void schedule(Runnable task, java.time.Duration delay) {
    io.next().schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
  }

  /** Runs work that may take a while (drift, emulated commands) off the I/O loops. */
  public void execute(Runnable task) {
    commands.execute(task);
  }

  @Override
  public void close() {
    acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    io.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    commands.shutdownNow();
    acceptor.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
    io.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
  }
}
