package io.iisfarm.operator.reconciler;

import io.iisfarm.operator.api.HostSpec;
import io.iisfarm.operator.api.IisFarmSpec;
import io.iisfarm.operator.observe.HostRead;
import io.iisfarm.operator.plan.FarmPlan;
import io.iisfarm.operator.rollout.HostOutcome;
import io.iisfarm.operator.status.HostFailure;
import io.iisfarm.operator.status.HostReport;
import io.iisfarm.operator.winrm.WinRmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the per-host part of a reconcile's report (or of an audit) from what each step produced. */
public final class HostReports {
  private HostReports() {}

  /** One report per spec host: claimed elsewhere, not read (a blocker), failed, or observed and planned. */
  public static List<HostReport> of(IisFarmSpec spec, Map<String, HostRead> reads, Map<String, String> claimed,
      FarmPlan plan) {
    List<HostReport> reports = new ArrayList<>();
    for (HostSpec host : spec.getHosts()) {
      String name = host.getName();
      HostRead read = reads.get(name);
      if (claimed.containsKey(name)) {
        reports.add(HostReport.failed(name, host.getAddress(), new HostFailure(HostFailure.Kind.CLAIMED_ELSEWHERE,
            "IisFarm " + claimed.get(name) + " already manages " + host.getAddress()
                + ": this farm leaves the host alone; remove it from one of the two farms")));
      } else if (read instanceof HostRead.Observed observed) {
        reports.add(HostReport.observed(name, host.getAddress(), observed.observation(),
            plan.host(name).orElse(null)));
      } else if (read instanceof HostRead.Failed failed) {
        reports.add(HostReport.failed(name, host.getAddress(), new HostFailure(kind(failed.kind()), failed.message())));
      } else {
        reports.add(HostReport.notChecked(name, host.getAddress()));
      }
    }
    return reports;
  }

  /** The reports with what the rollout did and its verification reads. */
  static List<HostReport> afterRollout(List<HostReport> before, Map<String, HostOutcome> outcomes) {
    return before.stream().map(r -> {
      HostOutcome outcome = outcomes.get(r.name());
      return outcome == null ? r : r.afterRollout(outcome.verified(), outcome.replanned(), outcome.result());
    }).toList();
  }

  static HostFailure.Kind kind(WinRmException.Kind kind) {
    return switch (kind) {
      case UNREACHABLE, TLS, CONFIGURATION -> HostFailure.Kind.UNREACHABLE;
      case AUTHENTICATION -> HostFailure.Kind.AUTHENTICATION_FAILED;
      case TIMEOUT -> HostFailure.Kind.TIMEOUT;
      case WSMAN_FAULT -> HostFailure.Kind.WSMAN_FAULT;
      case PROTOCOL, COMMAND_FAILED -> HostFailure.Kind.INVALID_RESPONSE;
      case READ_INCOMPLETE -> HostFailure.Kind.UNREADABLE;
      case CERTUTIL_BLOCKED -> HostFailure.Kind.CERTUTIL_BLOCKED;
    };
  }
}
