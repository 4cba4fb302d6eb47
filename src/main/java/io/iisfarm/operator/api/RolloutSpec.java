package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

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

  public Integer getMaxUnavailable() { return maxUnavailable; }
  public void setMaxUnavailable(Integer maxUnavailable) { this.maxUnavailable = maxUnavailable; }
  public Integer getBackupsToKeep() { return backupsToKeep; }
  public void setBackupsToKeep(Integer backupsToKeep) { this.backupsToKeep = backupsToKeep; }
}
