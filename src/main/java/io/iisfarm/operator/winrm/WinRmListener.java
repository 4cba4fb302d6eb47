package io.iisfarm.operator.winrm;

/**
 * Told about every WinRM operation of a session (opening the shell, each command, closing), so that metrics
 * can be added without touching the transport. Must be quick and must not throw; exceptions are ignored.
 */
@FunctionalInterface
public interface WinRmListener {

  WinRmListener NONE = event -> { };

  void onRequest(WinRmRequestEvent event);
}
