package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** A request that must answer as expected on each host that has the site, after the host's change. */
public class SiteHealthCheckSpec {
  @Required
  @Pattern(SiteSpec.NAME_PATTERN)
  @Size(max = 128)
  @JsonPropertyDescription("The IIS site to check, by name; hosts without it are not checked for it.")
  private String site;

  @Default("/")
  @Pattern("^/[^\\s]*$")
  @Size(max = 2048)
  @JsonPropertyDescription("Path and query to request.")
  private String path = "/";

  @Pattern("^[A-Za-z0-9]([-A-Za-z0-9.]{0,251}[A-Za-z0-9])?$")
  @Size(max = 253)
  @JsonPropertyDescription("Host header; default: the host name of the site's binding, if it has one.")
  private String host;

  @Default("http")
  @JsonPropertyDescription("http or https (verified against spec.winrm.caSecretRef, or the JVM trust store).")
  private HttpScheme scheme = HttpScheme.HTTP;

  @Min(1)
  @Max(65535)
  @JsonPropertyDescription("Port; default: the port of the site's binding for the scheme.")
  private Integer port;

  @Size(max = 20)
  @JsonPropertyDescription("Status codes (100-599) that count as healthy; default [200].")
  private List<Integer> expectedStatus;

  public String getSite() { return site; }
  public void setSite(String site) { this.site = site; }
  public String getPath() { return path; }
  public void setPath(String path) { this.path = path; }
  public String getHost() { return host; }
  public void setHost(String host) { this.host = host; }
  public HttpScheme getScheme() { return scheme; }
  public void setScheme(HttpScheme scheme) { this.scheme = scheme; }
  public Integer getPort() { return port; }
  public void setPort(Integer port) { this.port = port; }
  public List<Integer> getExpectedStatus() { return expectedStatus; }
  public void setExpectedStatus(List<Integer> expectedStatus) { this.expectedStatus = expectedStatus; }
}
