package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The scheme of a health check request. */
public enum HttpScheme {
  @JsonProperty("http")
  HTTP,
  @JsonProperty("https")
  HTTPS;

  public String wireName() {
    return WireNames.of(this);
  }
}
