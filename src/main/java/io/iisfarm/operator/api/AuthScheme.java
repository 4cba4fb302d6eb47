package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** WinRM authentication scheme. */
public enum AuthScheme {
  @JsonProperty("ntlm")
  NTLM,
  @JsonProperty("basic")
  BASIC;

  /** The spelling used in the IisFarm resource and on the host. */
  public String wireName() {
    return WireNames.of(this);
  }
}
