package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** .NET CLR runtime whose machine.config holds a machineKey. */
public enum ClrRuntime {
  @JsonProperty("v2.0")
  V2_0,
  @JsonProperty("v4.0")
  V4_0;

  /** The spelling used in the IisFarm resource and on the host. */
  public String wireName() {
    return WireNames.of(this);
  }
}
