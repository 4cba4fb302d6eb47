package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** ASP.NET session-state mode. */
public enum SessionStateMode {
  @JsonProperty("Off")
  OFF,
  @JsonProperty("InProc")
  IN_PROC,
  @JsonProperty("StateServer")
  STATE_SERVER,
  @JsonProperty("SQLServer")
  SQL_SERVER,
  @JsonProperty("Custom")
  CUSTOM;

  /** The spelling used in the IisFarm resource and on the host. */
  public String wireName() {
    return WireNames.of(this);
  }
}
