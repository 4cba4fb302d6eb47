package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether the operator changes hosts (Enforce) or only reports drift (Audit). */
public enum Mode {
  @JsonProperty("Enforce")
  ENFORCE,
  @JsonProperty("Audit")
  AUDIT;

  /** The spelling used in the IisFarm resource and on the host. */
  public String wireName() {
    return WireNames.of(this);
  }
}
