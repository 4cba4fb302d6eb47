package io.iisfarm.operator.model;

import java.util.List;

/**
 * Where and in what form a config file holds its machine-level {@code <machineKey>}: directly under
 * {@code configuration/system.web}, or under a {@code <location>} that applies to the file's own level
 * (no path, {@code path=""} or {@code path="."}; with {@code allowOverride="false"} that is the documented way to
 * lock it), possibly encrypted with {@code aspnet_regiis -pe}. Holds no key material.
 *
 * @param count machine-level {@code <machineKey>} elements in the file; ASP.NET accepts one
 * @param inLocation the element sits in such a {@code <location>}
 * @param locked that location forbids overrides ({@code allowOverride="false"} or {@code overrideMode="Deny"})
 * @param protectionProvider the {@code configProtectionProvider} of an encrypted element, else null
 * @param problems what the runtime's configuration system rejects in the element (attribute names and enum
 *     values only, never a key); empty when it loads
 */
public record MachineKeyElement(int count, boolean inLocation, boolean locked, String protectionProvider,
    List<String> problems) {

  public MachineKeyElement {
    problems = List.copyOf(problems);
  }

  /** One plain element directly under {@code system.web}. */
  public static final MachineKeyElement PLAIN = new MachineKeyElement(1, false, false, null, List.of());

  /** Encrypted with protected configuration: the key cannot be read, only the provider's name. */
  public boolean encrypted() {
    return protectionProvider != null;
  }

  /** The runtime's configuration system would refuse the file because of this element. */
  public boolean rejected() {
    return !problems.isEmpty();
  }

  /** Short words for messages, e.g. {@code inside <location path="." allowOverride="false">}. */
  public String where() {
    if (!inLocation) {
      return "directly under <system.web>";
    }
    return locked ? "inside <location path=\".\" allowOverride=\"false\">, which locks it"
        : "inside <location path=\".\">";
  }
}
