package io.iisfarm.operator.winrm;

import java.time.Duration;

/**
 * One finished WinRM operation.
 *
 * @param host {@code host:port}
 * @param failure null when the operation succeeded (a command that exits non-zero still succeeded here)
 */
public record WinRmRequestEvent(String host, Operation operation, Duration duration, WinRmException.Kind failure) {

  public enum Operation { OPEN_SHELL, COMMAND, CLOSE_SHELL }

  public boolean succeeded() { return failure == null; }
}
