package io.iisfarm.operator.simulator;

/** The default {@link HostBackendFactory}: the Windows/IIS emulation of package {@code windows}. */
final class WindowsBackends {
  private WindowsBackends() {}

  static HostBackendFactory factory() {
    return windowsKeys -> {
      throw new UnsupportedOperationException("the Windows emulation is not available in this build");
    };
  }
}
