package io.iisfarm.operator.winrm;

/**
 * The host answered something that is not WS-Management: not XML, an unexpected HTTP status, a SOAP
 * message without the expected content, or output the operator cannot parse (see {@link #part()}).
 */
public final class WinRmProtocolException extends WinRmException {
  private final String part;

  public WinRmProtocolException(String host, String message, Throwable cause) {
    this(host, null, message, cause);
  }

  public WinRmProtocolException(String host, String part, String message, Throwable cause) {
    super(host, message, cause);
    this.part = part;
  }

  /** The part of a host's answer that could not be read, e.g. {@code sites}, or null for transport level. */
  public String part() { return part; }

  @Override
  public Kind kind() { return Kind.PROTOCOL; }
}
