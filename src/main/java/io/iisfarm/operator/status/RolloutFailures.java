package io.iisfarm.operator.status;

import static io.iisfarm.operator.status.ConditionReasons.DRAIN_FAILED;
import static io.iisfarm.operator.status.ConditionReasons.HEALTH_CHECK_FAILED;
import static io.iisfarm.operator.status.ConditionReasons.RESTORE_FAILED;
import static io.iisfarm.operator.status.ConditionReasons.ROLLED_BACK;
import static io.iisfarm.operator.status.ConditionReasons.ROLLOUT_FAILED;

import io.iisfarm.operator.rollout.RolloutResult;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The reason and the opening words of Ready and Degraded for hosts whose step failed, by what failed. */
final class RolloutFailures {
  private RolloutFailures() {}

  /** HealthCheckFailed when a health check caused a rollback, else RolledBack. */
  static String rolledBackReason(List<HostReport> rolledBack) {
    return rolledBack.stream().anyMatch(h -> h.rollout().cause() == RolloutResult.Cause.HEALTH_CHECK)
        ? HEALTH_CHECK_FAILED : ROLLED_BACK;
  }

  static String rolledBackLead(List<HostReport> rolledBack) {
    return rolledBackReason(rolledBack).equals(HEALTH_CHECK_FAILED)
        ? "A site did not answer as expected after the change, and the host was restored from its backup: "
        : "Verification failed and the host was restored from its backup: ";
  }

  /** DrainFailed or RestoreFailed when all failures were of that kind, else RolloutFailed. */
  static String failedReason(List<HostReport> failed) {
    Set<RolloutResult.Cause> causes = failed.stream().map(h -> h.rollout().cause()).collect(Collectors.toSet());
    if (causes.equals(Set.of(RolloutResult.Cause.DRAIN))) {
      return DRAIN_FAILED;
    }
    if (causes.equals(Set.of(RolloutResult.Cause.RESTORE))) {
      return RESTORE_FAILED;
    }
    return ROLLOUT_FAILED;
  }

  static String failedLead(List<HostReport> failed) {
    return switch (failedReason(failed)) {
      case DRAIN_FAILED -> "Taking a host out of its load balancer failed: ";
      case RESTORE_FAILED -> "Putting a changed host back into its load balancer failed: ";
      default -> "Changing a host failed: ";
    };
  }
}
