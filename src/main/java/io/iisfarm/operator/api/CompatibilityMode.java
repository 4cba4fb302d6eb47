package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** machineKey compatibilityMode; Framework45 exists only on .NET 4.0. */
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
