package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A site every host must carry, with the IIS site ID it must have. */
public class SiteSpec {
  /** IIS rejects these characters in site names; quotes and percent signs would also break cmd quoting. */
  public static final String NAME_PATTERN = "^[^\\\\/?;:@&=+$,|\"<>%*\\x00-\\x1f]{1,128}$";

  @Required
  @Pattern(NAME_PATTERN)
  // maxLength bounds the API server's cost estimate of the uniqueness rules on spec.sites
  @Size(max = 128)
  @JsonPropertyDescription("IIS site name (ServerComment on IIS6), matched case-insensitively.")
  private String name;

  @Required
  @Min(1)
  @Max(4294967295d)
  @JsonPropertyDescription("The IIS site ID this site must have on every host (1..4294967295).")
  private Long id;

  public SiteSpec() {}

  public SiteSpec(String name, long id) {
    this.name = name;
    this.id = id;
  }

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public Long getId() { return id; }
  public void setId(Long id) { this.id = id; }
}
