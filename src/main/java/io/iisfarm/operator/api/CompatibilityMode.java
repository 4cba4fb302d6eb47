package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * machineKey compatibilityMode (MachineKeySection.CompatibilityMode). The operator writes it into v4.0 files only:
 * .NET 2.0 knows the attribute from 2.0 SP2 on (Framework20SP1, Framework20SP2), and Framework45 exists only in 4.5.
 */
public enum CompatibilityMode {
  @JsonProperty("Framework20SP1")
  FRAMEWORK20SP1,
  @JsonProperty("Framework20SP2")
  FRAMEWORK20SP2,
  @JsonProperty("Framework45")
  FRAMEWORK45;

  /** The spelling used in the IisFarm resource and on the host. */
  public String wireName() {
    return WireNames.of(this);
  }
}
