package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Session-state settings the farm is expected to share. Reported, never enforced. */
public class SessionStateSpec {
  @JsonPropertyDescription("Expected sessionState mode, e.g. StateServer or SQLServer.")
  private SessionStateMode mode;

  @JsonPropertyDescription("Expected stateConnectionString, e.g. tcpip=state01:42424.")
  private String stateConnectionString;

  public SessionStateMode getMode() { return mode; }
  public void setMode(SessionStateMode mode) { this.mode = mode; }
  public String getStateConnectionString() { return stateConnectionString; }
  public void setStateConnectionString(String s) { this.stateConnectionString = s; }
}
