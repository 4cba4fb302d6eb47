package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** How changes roll out. */
public class RolloutSpec {
  @Default("1")
  @Min(1)
  @JsonPropertyDescription("How many hosts may be changed (and so disrupted) at the same time.")
  private Integer maxUnavailable = 1;

  @Default("5")
  @Min(1)
  @Max(100)
  @JsonPropertyDescription("How many operator-made backups to keep per host; older ones are removed.")
  private Integer backupsToKeep = 5;

  @Size(max = 20)
  @JsonPropertyDescription("Weekly periods in which host changes may start; none: at any time.")
  private List<MaintenanceWindowSpec> windows = new ArrayList<>();

  @Default("10m")
  @Pattern(IisFarmSpec.DURATION_PATTERN)
  @JsonPropertyDescription("How long a host's step is expected to take until one has been measured (status.hosts[].lastStepDuration).")
  private String expectedStepDuration = "10m";

  @JsonPropertyDescription("How each host is taken out of the load balancer before its change.")
  private DrainSpec drain;

  @JsonPropertyDescription("Requests each changed host must answer before it goes back and the next host starts.")
  private HealthCheckSpec healthCheck;

  public Integer getMaxUnavailable() { return maxUnavailable; }
  public void setMaxUnavailable(Integer maxUnavailable) { this.maxUnavailable = maxUnavailable; }
  public Integer getBackupsToKeep() { return backupsToKeep; }
  public void setBackupsToKeep(Integer backupsToKeep) { this.backupsToKeep = backupsToKeep; }
  public List<MaintenanceWindowSpec> getWindows() { return windows; }
  public void setWindows(List<MaintenanceWindowSpec> windows) { this.windows = windows; }
  public String getExpectedStepDuration() { return expectedStepDuration; }
  public void setExpectedStepDuration(String expectedStepDuration) { this.expectedStepDuration = expectedStepDuration; }
  public DrainSpec getDrain() { return drain; }
  public void setDrain(DrainSpec drain) { this.drain = drain; }
  public HealthCheckSpec getHealthCheck() { return healthCheck; }
  public void setHealthCheck(HealthCheckSpec healthCheck) { this.healthCheck = healthCheck; }
}
