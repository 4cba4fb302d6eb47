package io.iisfarm.operator.host;

import io.iisfarm.operator.api.ClrRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the .NET configuration system of a runtime accepts in a {@code <machineKey>}: the attributes and values
 * of the machineKey element as documented for .NET 3.5 (CLR 2.0: learn.microsoft.com/previous-versions/
 * dotnet/netframework-3.5/w8h3skw9(v=vs.90)) and 4.x (.../netframework-4.0/w8h3skw9(v=vs.100);
 * MachineKeySection.ApplicationName and DataProtectorType from 4.5), plus the attributes every configuration
 * element takes ({@code lockAttributes} ...) or a section takes ({@code configSource},
 * {@code configProtectionProvider}). An attribute it does not know makes the configuration system refuse the
 * file, which stops every application of that runtime on the host.
 *
 * <p>{@code compatibilityMode} (Framework20SP1, Framework20SP2) exists in CLR 2.0 from .NET 2.0 SP2 on
 * (MachineKeySection.CompatibilityMode, .NET 3.5 reference). A host's read does not tell its 2.0 service pack,
 * so the attribute is accepted here; the operator itself never writes it into a v2.0 file.
 */
final class MachineKeySchema {
  private static final Set<String> ELEMENT = Set.of("lockAttributes", "lockAllAttributesExcept", "lockElements",
      "lockAllElementsExcept", "lockItem", "configSource", "configProtectionProvider");
  private static final Set<String> V2 = Set.of("validationKey", "decryptionKey", "validation", "decryption",
      "compatibilityMode");
  private static final Set<String> V4_ONLY = Set.of("applicationName", "dataProtectorType");
  private static final Set<String> VALIDATION_V2 = Set.of("SHA1", "MD5", "3DES", "AES");
  private static final Set<String> VALIDATION_V4_ONLY = Set.of("HMACSHA256", "HMACSHA384", "HMACSHA512");
  private static final Set<String> DECRYPTION = Set.of("AUTO", "DES", "3DES", "AES");
  private static final Set<String> COMPATIBILITY_V2 = Set.of("FRAMEWORK20SP1", "FRAMEWORK20SP2");

  private MachineKeySchema() {}

  /**
   * What the runtime rejects in an element with these attributes; empty when it accepts them. Messages name
   * attributes and algorithm values, never a key.
   */
  static List<String> problems(Map<String, String> attributes, ClrRuntime runtime) {
    boolean v4 = runtime == ClrRuntime.V4_0;
    List<String> problems = new ArrayList<>();
    for (String name : attributes.keySet()) {
      boolean known = ELEMENT.contains(name) || V2.contains(name) || (v4 && V4_ONLY.contains(name));
      if (!known) {
        problems.add("attribute '" + name + "' is not known to the .NET " + runtime.wireName()
            + " configuration system (\"Unrecognized attribute\")");
      }
    }
    if (attributes.containsKey("configProtectionProvider")) {
      // the encrypted form carries only the provider; its values are inside <EncryptedData>
      return problems;
    }
    String validation = upper(attributes.get("validation"));
    if (validation != null && !VALIDATION_V2.contains(validation)
        && !(v4 && (VALIDATION_V4_ONLY.contains(validation) || validation.startsWith("ALG:")))) {
      problems.add("validation=\"" + safe(attributes.get("validation")) + "\" is not a validation algorithm of .NET "
          + runtime.wireName());
    }
    String decryption = upper(attributes.get("decryption"));
    if (decryption != null && !DECRYPTION.contains(decryption) && !(v4 && decryption.startsWith("ALG:"))) {
      problems.add("decryption=\"" + safe(attributes.get("decryption")) + "\" is not a decryption algorithm of .NET "
          + runtime.wireName());
    }
    String compatibility = upper(attributes.get("compatibilityMode"));
    if (compatibility != null && !COMPATIBILITY_V2.contains(compatibility)
        && !(v4 && compatibility.equals("FRAMEWORK45"))) {
      problems.add("compatibilityMode=\"" + safe(attributes.get("compatibilityMode")) + "\" is not a value .NET "
          + runtime.wireName() + " knows");
    }
    return problems;
  }

  private static String upper(String value) {
    return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
  }

  /** An algorithm name as written, cut short and without anything that could be a key. */
  private static String safe(String value) {
    String v = value.strip();
    return v.length() > 24 || v.matches(".*[0-9A-Fa-f]{16,}.*") ? "(" + v.length() + " characters)" : v;
  }
}
