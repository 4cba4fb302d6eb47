package io.iisfarm.operator.cli;

/**
 * The shutdown hooks of the commands that serve until Ctrl+C or SIGTERM: {@code run}, {@code demo --wait} and
 * {@code simulate}.
 */
public final class ShutdownHooks {
  private ShutdownHooks() {}

  /** Runs {@code onSignal} when the JVM is asked to stop; returns the hook, for {@link #remove}. */
  public static Thread add(String name, Runnable onSignal) {
    Thread hook = new Thread(onSignal, name);
    Runtime.getRuntime().addShutdownHook(hook);
    return hook;
  }

  /** Removes {@code hook}; false when the JVM is shutting down already, so the hook runs or has run. */
  public static boolean remove(Thread hook) {
    try {
      return Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      return false;
    }
  }
}
