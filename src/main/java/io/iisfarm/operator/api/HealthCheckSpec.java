package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * Requests sent to each changed host, directly, before it goes back into the load balancer and before the
 * next host starts. A site that answered as expected before the change and does not after it rolls the host
 * back and stops the rollout.
 */
public class HealthCheckSpec {
  @Size(max = 50)
  @JsonPropertyDescription("One check per site.")
  private List<SiteHealthCheckSpec> sites = new ArrayList<>();

  @Default("10s")
  @Pattern(IisFarmSpec.DURATION_PATTERN)
  @JsonPropertyDescription("How long one request may take.")
  private String timeout = "10s";

  @Default("3")
  @Min(1)
  @Max(10)
  @JsonPropertyDescription("Tries per site before it counts as failed (a restarted application may be warming up).")
  private Integer attempts = 3;

  @Default("5s")
  @Pattern(IisFarmSpec.DURATION_PATTERN)
  @JsonPropertyDescription("Wait between tries.")
  private String interval = "5s";

  public List<SiteHealthCheckSpec> getSites() { return sites; }
  public void setSites(List<SiteHealthCheckSpec> sites) { this.sites = sites; }
  public String getTimeout() { return timeout; }
  public void setTimeout(String timeout) { this.timeout = timeout; }
  public Integer getAttempts() { return attempts; }
  public void setAttempts(Integer attempts) { this.attempts = attempts; }
  public String getInterval() { return interval; }
  public void setInterval(String interval) { this.interval = interval; }
}
