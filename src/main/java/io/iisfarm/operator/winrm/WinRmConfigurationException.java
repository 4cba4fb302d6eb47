package io.iisfarm.operator.winrm;

/** The operator's own settings cannot work: an unreadable CA bundle, or a JVM that forbids a needed protocol. */
public final class WinRmConfigurationException extends WinRmException {
  public WinRmConfigurationException(String host, String message, Throwable cause) {
    super(host, message, cause);
  }

  @Override
  public Kind kind() { return Kind.CONFIGURATION; }
}
