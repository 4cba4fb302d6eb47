package io.iisfarm.operator.host;

/** Key material would cross plain HTTP and the farm does not allow it; nothing was sent. */
public final class InsecureTransportException extends HostChangeException {
  public InsecureTransportException(String host) {
    super(host, "refusing to send or read machine.config over plain HTTP: use HTTPS, or set"
        + " winrm.allowKeyTransferOverHttp if the network is trusted");
  }
}
