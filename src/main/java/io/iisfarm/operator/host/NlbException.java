package io.iisfarm.operator.host;

/** nlb.exe is missing on a host, refused a command, or answered something not understood. */
public final class NlbException extends RuntimeException {
  public NlbException(String host, String message) {
    super("host " + host + ": " + message);
  }
}
