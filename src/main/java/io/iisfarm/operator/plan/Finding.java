package io.iisfarm.operator.plan;

import java.util.Objects;

/**
 * Something the planner found on a host, with a message that says what to do next. Messages name
 * fingerprints, never key material, and never SQL connection strings.
 */
public record Finding(String host, FindingReason reason, String message) {

  public Finding {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }

  /** The line shown in a host's status row, e.g. {@code SiteMissing: site Shop does not exist ...}. */
  public String statusLine() {
    return reason.camelCase() + ": " + message;
  }
}
