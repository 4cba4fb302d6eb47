package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** WinRM transport. */
public enum Transport {
  @JsonProperty("https")
  HTTPS,
  @JsonProperty("http")
  HTTP;

  /** The spelling used in the IisFarm resource and on the host. */
  public String wireName() {
    return WireNames.of(this);
  }
}
