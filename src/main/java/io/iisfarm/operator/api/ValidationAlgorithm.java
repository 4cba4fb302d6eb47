package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** machineKey validation algorithm; HMACSHA* exist only on .NET 4.0. */
public enum ValidationAlgorithm {
  @JsonProperty("SHA1")
  SHA1,
  @JsonProperty("MD5")
  MD5,
  @JsonProperty("3DES")
  TRIPLE_DES,
  @JsonProperty("AES")
  AES,
  @JsonProperty("HMACSHA256")
  HMACSHA256,
  @JsonProperty("HMACSHA384")
  HMACSHA384,
  @JsonProperty("HMACSHA512")
  HMACSHA512;

  /** The spelling used in the IisFarm resource and on the host. */
  public String wireName() {
    return WireNames.of(this);
  }
}
