package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** Where health checks reach this host's sites, when it is not the WinRM address and the binding ports. */
public class HostHttpSpec {
  @Pattern("^([A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?)*"
      + "|\\[[0-9A-Fa-f:.]+\\])$")
  @Size(max = 255)
  @JsonPropertyDescription("Host name or IP address the sites answer on; default: the host part of address.")
  private String address;

  @Size(max = 20)
  @JsonPropertyDescription("Ports that reach binding ports, when they differ.")
  private List<PortMapping> ports = new ArrayList<>();

  public String getAddress() { return address; }
  public void setAddress(String address) { this.address = address; }
  public List<PortMapping> getPorts() { return ports; }
  public void setPorts(List<PortMapping> ports) { this.ports = ports; }
}
