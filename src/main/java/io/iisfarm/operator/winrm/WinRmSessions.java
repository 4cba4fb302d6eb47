package io.iisfarm.operator.winrm;

/**
 * Opens sessions to hosts. {@link WinRmConnector} does it over WinRM; the reconciler's unit tests answer from
 * emulated Windows hosts in the same process, so that a reconcile can be checked in a second.
 */
@FunctionalInterface
public interface WinRmSessions {

  /**
   * Connects, authenticates and creates a cmd shell.
   *
   * @throws WinRmException when the host cannot be reached, rejects the credentials, times out or answers
   *     something that is not WinRM
   */
  WinRmSession open(WinRmEndpoint endpoint, WinRmCredentials credentials);
}
