package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * The host step being applied, recorded before the host is touched so a restarted operator can finish it: what
 * it changes, its backups, where it is (phase) and which load balancers it took the host out of (drained), so
 * that the host is put back even if the operator dies in between.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InFlightStep(
    String host,
    @JsonPropertyDescription("What the step changes, e.g. site IDs and machineKey.") String action,
    @JsonPropertyDescription("Sites the step stops while it runs.") List<String> stops,
    @JsonPropertyDescription("Backups taken first: the IIS backup name and the config file backups.") List<String> backups,
    String startedAt,
    @JsonPropertyDescription("Drain, Change, Verify, Health or Restore.") String phase,
    @JsonPropertyDescription("Load balancers the host was taken out of (webhook, nlb); it goes back into each.") List<String> drained) {

  /** A step before any phase is recorded (as written by operators that knew no phases). */
  public InFlightStep(String host, String action, List<String> stops, List<String> backups, String startedAt) {
    this(host, action, stops, backups, startedAt, null, null);
  }

  public InFlightStep withPhase(String newPhase) {
    return new InFlightStep(host, action, stops, backups, startedAt, newPhase, drained);
  }

  /** The step with {@code method} added to what the host was taken out of. */
  public InFlightStep withDrained(String method) {
    List<String> more = drained == null ? new ArrayList<>() : new ArrayList<>(drained);
    if (!more.contains(method)) {
      more.add(method);
    }
    return new InFlightStep(host, action, stops, backups, startedAt, phase, List.copyOf(more));
  }

  /** The step with {@code method} no longer out (put back). */
  public InFlightStep withRestored(String method) {
    List<String> left = drained == null ? new ArrayList<>() : new ArrayList<>(drained);
    left.remove(method);
    return new InFlightStep(host, action, stops, backups, startedAt, phase, left.isEmpty() ? null : List.copyOf(left));
  }

  public List<String> drainedOrEmpty() {
    return drained == null ? List.of() : drained;
  }
}
