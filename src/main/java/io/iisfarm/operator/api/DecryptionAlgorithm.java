package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** machineKey decryption algorithm. */
public enum DecryptionAlgorithm {
  @JsonProperty("Auto")
  AUTO,
  @JsonProperty("DES")
  DES,
  @JsonProperty("3DES")
  TRIPLE_DES,
  @JsonProperty("AES")
  AES;

  /** The spelling used in the IisFarm resource and on the host. */
  public String wireName() {
    return WireNames.of(this);
  }
}
