package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

/** Windows Network Load Balancing on each host: {@code nlb.exe drainstop} before, {@code nlb.exe start} after. */
public class NlbDrainSpec {
  @Default("5m")
  @Pattern(IisFarmSpec.DURATION_PATTERN)
  @JsonPropertyDescription("How long to wait for the host's connections to drain; then its cluster operations are stopped.")
  private String timeout = "5m";

  @Default("5s")
  @Pattern(IisFarmSpec.DURATION_PATTERN)
  @JsonPropertyDescription("How often nlb.exe query is asked while the host drains.")
  private String pollInterval = "5s";

  public String getTimeout() { return timeout; }
  public void setTimeout(String timeout) { this.timeout = timeout; }
  public String getPollInterval() { return pollInterval; }
  public void setPollInterval(String pollInterval) { this.pollInterval = pollInterval; }
}
