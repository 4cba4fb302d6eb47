package io.iisfarm.operator.host;

/**
 * A config file cannot be edited safely (not well-formed, two machineKey elements, an unknown encoding).
 * Nothing was written. The message never quotes the file, which may hold key material.
 */
public final class ConfigEditException extends HostChangeException {
  public ConfigEditException(String host, String message) {
    super(host, message);
  }
}
