package io.iisfarm.operator.simulator.windows;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code nlb.exe} and {@code wlbs.exe} (the same control program under its Windows NT name, kept for
 * compatibility) run on the cluster host itself, without a cluster argument: {@code query}, {@code drainstop},
 * {@code start} and {@code stop} (Microsoft Learn, "Nlb" for Windows Server 2003 to 2012; KB 242242 "Using the
 * WLBS QUERY command"). The states are those KB 242242 names; the sentences around them are not documented, so
 * each answer is one line naming the state, modelled on the event log texts of KB 198601. Exit codes: the WLBS
 * return values of the NLB WMI provider (query: the state, e.g. 1007 converged; control commands: 1000 OK,
 * 1001 already), or 0 on hosts with {@code nlb.exitCodes: zero}, since which one nlb.exe returns is not
 * documented. Remote control (a cluster or host argument) and the other commands are not emulated.
 */
final class NlbTool {
  private NlbTool() {}

  static int run(Programs.Call call) {
    NlbCluster nlb = call.host().nlb;
    List<String> argv = call.argv();
    if (nlb == null || argv.size() != 1) {
      // the program exists only where the NLB feature is installed; remote control is not emulated
      throw new NotEmulatedException(call.commandText());
    }
    Sink out = call.io().out();
    String command = argv.get(0).toLowerCase(Locale.ROOT);
    int code = switch (command) {
      case "query" -> query(nlb, out);
      case "drainstop" -> control(call, nlb.drainstop(), "drainstop");
      case "start" -> control(call, nlb.start(), "start");
      case "stop" -> control(call, nlb.stop(), "stop");
      default -> throw new NotEmulatedException(call.commandText());
    };
    return nlb.stateAsExitCode ? code : 0;
  }

  private static int query(NlbCluster nlb, Sink out) {
    NlbCluster.State state = nlb.state();
    String members = nlb.members.stream().map(String::valueOf).collect(Collectors.joining(", "));
    switch (state) {
      case CONVERGED -> {
        out.println("Host " + nlb.hostId + " converged with the following host(s) as part of the cluster:");
        out.println(members);
      }
      case CONVERGED_DEFAULT -> {
        out.println("Host " + nlb.hostId
            + " converged as DEFAULT with the following host(s) as part of the cluster:");
        out.println(members);
      }
      case CONVERGING -> out.println("Host " + nlb.hostId + " is converging with the other hosts of the cluster.");
      case DRAINING -> out.println("Host " + nlb.hostId + " is draining: it stops cluster operations when its active"
          + " connections have ended.");
      case STOPPED -> out.println("Host " + nlb.hostId + " is stopped: cluster operations are stopped on this host.");
      case SUSPENDED -> out.println("Host " + nlb.hostId + " is suspended: cluster operations are suspended on this"
          + " host.");
    }
    return state.code;
  }

  private static int control(Programs.Call call, int code, String command) {
    Sink out = call.io().out();
    NlbCluster nlb = call.host().nlb;
    if (code == NlbCluster.WLBS_OK) {
      call.host().context().markChanged();
      out.println("Host " + nlb.hostId + ": " + command + " accepted; the host is now "
          + nlb.state().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ".");
    } else if (code == NlbCluster.WLBS_ALREADY) {
      out.println("Host " + nlb.hostId + ": already in the state " + command + " produces.");
    } else {
      out.println("Host " + nlb.hostId + ": " + command + " has no effect while the host is "
          + nlb.state().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ".");
    }
    return code;
  }
}
