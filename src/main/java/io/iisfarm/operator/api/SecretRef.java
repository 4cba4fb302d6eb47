package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.Objects;

/** A Secret in the IisFarm's own namespace. */
public class SecretRef {
  @Required
  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
  @Size(max = 253)
  @JsonPropertyDescription("Name of a Secret in the IisFarm's namespace.")
  private String name;

  public SecretRef() {}

  public SecretRef(String name) {
    this.name = name;
  }

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }

  @Override
  public boolean equals(Object o) {
    return o instanceof SecretRef other && Objects.equals(name, other.name);
  }

  @Override
  public int hashCode() { return Objects.hashCode(name); }

  @Override
  public String toString() { return "Secret/" + name; }
}
