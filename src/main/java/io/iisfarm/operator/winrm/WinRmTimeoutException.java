package io.iisfarm.operator.winrm;

import java.time.Duration;

/** A connection, a request or a whole command took longer than allowed. */
public final class WinRmTimeoutException extends WinRmException {

  /** Which limit was hit. */
  public enum Phase { CONNECT, RESPONSE, COMMAND }

  private final Phase phase;
  private final Duration limit;

  public WinRmTimeoutException(String host, Phase phase, Duration limit, String message, Throwable cause) {
    super(host, message, cause);
    this.phase = phase;
    this.limit = limit;
  }

  public Phase phase() { return phase; }

  public Duration limit() { return limit; }

  @Override
  public Kind kind() { return Kind.TIMEOUT; }
}
