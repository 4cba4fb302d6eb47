package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** The port that reaches a binding's port from the operator (a NAT, a port forward, a test host). */
public class PortMapping {
  @Required
  @Min(1)
  @Max(65535)
  @JsonPropertyDescription("The port in the site's IIS binding, e.g. 80.")
  private Integer binding;

  @Required
  @Min(1)
  @Max(65535)
  @JsonPropertyDescription("The port the operator connects to instead.")
  private Integer port;

  public PortMapping() {}

  public PortMapping(int binding, int port) {
    this.binding = binding;
    this.port = port;
  }

  public Integer getBinding() { return binding; }
  public void setBinding(Integer binding) { this.binding = binding; }
  public Integer getPort() { return port; }
  public void setPort(Integer port) { this.port = port; }
}
