package io.iisfarm.operator.host;

/** The site to change is not on the host with the ID the caller expected; nothing was sent to the host. */
public final class SiteNotFoundException extends HostChangeException {
  public SiteNotFoundException(String host, String message) {
    super(host, message);
  }
}
