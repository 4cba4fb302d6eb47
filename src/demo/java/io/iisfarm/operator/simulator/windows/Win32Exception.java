package io.iisfarm.operator.simulator.windows;

/** A file-system or service call that failed with a Win32 error, as the Windows API would report it. */
final class Win32Exception extends RuntimeException {
  private final Win32Error error;

  Win32Exception(Win32Error error) {
    super(error.message(), null, false, false);
    this.error = error;
  }

  Win32Error error() { return error; }
}
