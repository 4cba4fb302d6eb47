package io.iisfarm.operator.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.iisfarm.operator.simulator.windows.CommandRunner;
import io.iisfarm.operator.simulator.windows.SiteStateListener;

/**
 * The emulated Windows host behind one simulated WinRM listener: what the farm needs of it beyond
 * running command lines.
 */
public interface HostBackend extends CommandRunner {
  String hostname();

  /** IIS version as the host reports it, e.g. {@code 6.0} or {@code 10.0}. */
  String iisVersion();

  /** e.g. {@code Windows Server 2003} or {@code Windows Server 2019}. */
  String osName();

  void addSiteStateListener(SiteStateListener listener);

  /**
   * Reads one drift {@code change} from the farm file now, so that a bad file fails at load, and
   * returns what applies it later, behind the client's back.
   */
  Runnable drift(JsonNode change);

  /** Whether the site is running now; the farm reads this once at start to measure disruption. */
  boolean siteStarted(String siteName);

  /** Faults that hit one program inside a command line; backends that run no programs have none. */
  default io.iisfarm.operator.simulator.windows.ProgramFaults programFaults() {
    throw new UnsupportedOperationException("this host backend runs no programs to fault");
  }

  /** The names of the host's sites. */
  java.util.List<String> siteNames();

  /** The ports of the sites' http bindings; none by default (a backend without web sites). */
  default java.util.List<Integer> httpBindingPorts() {
    return java.util.List.of();
  }

  /** The answer to an HTTP request on a binding port; see {@code WindowsHost.answerHttp}. */
  default io.iisfarm.operator.simulator.windows.HttpAnswer answerHttp(int bindingPort, String hostHeader) {
    throw new UnsupportedOperationException("this host serves no web sites");
  }
}
