package io.iisfarm.operator.host;

import io.iisfarm.operator.winrm.CommandOutput;
import io.iisfarm.operator.winrm.WinRmSession;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Windows Network Load Balancing on the host itself, through its control program {@code nlb.exe} in
 * {@code %windir%\system32} (Microsoft Learn, "Nlb", Windows Server 2003 to 2012; Server 2016 and later ship it
 * with the NLB feature's tools beside {@code wlbs.exe}, its Windows NT name kept for compatibility). Run without
 * a cluster argument, each command acts on the local host. {@code query} names the host's state (KB 242242:
 * Unknown, Converging, Draining, Converged, Converged as DEFAULT; WMI's status codes add Stopped and
 * Suspended); the words around it and the exit code are not documented closely enough to rely on, so the state
 * word is what counts, and the control commands are judged by the query after them.
 */
public final class NlbControl {
  /** The host's part in the cluster. */
  public enum State {
    CONVERGED, CONVERGING, DRAINING, STOPPED, SUSPENDED, UNKNOWN;

    /** Whether the cluster sends this host traffic (what a drain must end, and a restore bring back). */
    public boolean takesTraffic() {
      return this == CONVERGED || this == CONVERGING;
    }
  }

  static final String NLB = "%windir%\\system32\\nlb.exe";
  // most specific first: a converged host's answer may mention its convergences
  private static final Pattern SUSPENDED = Pattern.compile("\\bsuspended\\b");
  private static final Pattern DRAINING = Pattern.compile("\\bdraining\\b");
  private static final Pattern STOPPED = Pattern.compile("\\bstopped\\b");
  private static final Pattern CONVERGED = Pattern.compile("\\bconverged\\b");
  private static final Pattern CONVERGING = Pattern.compile("\\bconverging\\b|state of convergence");
  private static final Pattern UNKNOWN = Pattern.compile("\\bunknown\\b");

  private final WinRmSession session;

  public NlbControl(WinRmSession session) {
    this.session = session;
  }

  public State query() {
    return parse(session.host(), session.run(command("query")));
  }

  /** Stops new traffic; the host stops cluster operations once its connections have ended. */
  public void drainstop() {
    control("drainstop");
  }

  /** Ends a drain at once, dropping the connections left. */
  public void stop() {
    control("stop");
  }

  /** Starts cluster operations again: the host converges and takes traffic. */
  public void start() {
    control("start");
  }

  static String command(String verb) {
    return Cmd.quote(NLB) + " " + verb;
  }

  private void control(String verb) {
    CommandOutput output = session.run(command(verb));
    requireProgram(session.host(), output);
  }

  static State parse(String host, CommandOutput output) {
    requireProgram(host, output);
    String text = output.stdout().toLowerCase(Locale.ROOT);
    if (SUSPENDED.matcher(text).find()) {
      return State.SUSPENDED;
    }
    if (DRAINING.matcher(text).find()) {
      return State.DRAINING;
    }
    if (STOPPED.matcher(text).find()) {
      return State.STOPPED;
    }
    if (CONVERGED.matcher(text).find()) {
      return State.CONVERGED;
    }
    if (CONVERGING.matcher(text).find()) {
      return State.CONVERGING;
    }
    if (UNKNOWN.matcher(text).find()) {
      return State.UNKNOWN;
    }
    throw new NlbException(host, "nlb.exe query answered no cluster state (exit code " + output.exitCode() + ": "
        + String.join(" / ", output.errorHead()) + "); check that NLB is bound to the host's network adapter");
  }

  private static void requireProgram(String host, CommandOutput output) {
    String err = output.stderr().toLowerCase(Locale.ROOT);
    if (output.exitCode() == 9009 || output.exitCode() == 3 || err.contains("is not recognized")
        || err.contains("cannot find the path")) {
      throw new NlbException(host, "nlb.exe is not in %windir%\\system32: install the Network Load Balancing"
          + " feature with its tools on the host, or remove spec.rollout.drain.nlb");
    }
  }
}
