package io.iisfarm.operator.winrm;

/**
 * One connection and one cmd shell on one host, for a whole check or change: many commands, one at a time,
 * then {@link #close()}. Not for concurrent use by several threads at once.
 *
 * <p>After a transport failure (timeout, lost connection, HTTP error) the session is broken: further
 * {@link #run} calls rethrow that failure, and {@link #close()} does not wait on the host again.
 */
public interface WinRmSession extends AutoCloseable {

  /**
   * Opens a session with a transport of its own, released on {@link #close()}. Callers that open many
   * sessions should share a {@link WinRmConnector} instead.
   */
  static WinRmSession open(WinRmEndpoint endpoint, WinRmCredentials credentials) {
    return WinRmConnector.openOwned(endpoint, credentials, WinRmListener.NONE);
  }

  /** {@code host:port}, for messages. */
  String host();

  WinRmEndpoint endpoint();

  /**
   * Runs one command line in the session's cmd shell and returns its output, whatever its exit code.
   *
   * @throws WinRmException when the command could not be run or its output not fetched
   */
  CommandOutput run(String commandLine);

  /**
   * Deletes the shell on the host (unless a transport failure broke the session; after a WS-Man fault the host
   * still answers, so the shell is deleted) and releases the connection. Never throws.
   */
  @Override
  void close();
}
