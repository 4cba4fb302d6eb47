package io.iisfarm.operator.secrets;

import io.iisfarm.operator.api.CompatibilityMode;
import io.iisfarm.operator.api.MachineKeySpec;
import io.iisfarm.operator.model.KeyAttribute;
import io.iisfarm.operator.model.KeyMaterial;
import io.iisfarm.operator.model.MachineKeySetting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The machineKey Secret: keys {@value #VALIDATION_KEY} and {@value #DECRYPTION_KEY}, hex. */
public final class MachineKeySecret {
  public static final String VALIDATION_KEY = "validationKey";
  public static final String DECRYPTION_KEY = "decryptionKey";

  private MachineKeySecret() {}

  /**
   * The setting every managed config file must hold, from the Secret's data and the spec's algorithms.
   *
   * @throws SecretProblemException naming every problem, never a value
   */
  public static MachineKeySetting toSetting(String namespace, String secretName, Map<String, String> data,
      MachineKeySpec spec) {
    List<String> problems = new ArrayList<>();
    KeyMaterial validationKey = hexKey(data, VALIDATION_KEY, problems);
    KeyMaterial decryptionKey = hexKey(data, DECRYPTION_KEY, problems);
    if (validationKey != null) {
      KeyRules.checkValidationKey(validationKey, spec.getValidation()).ifPresent(problems::add);
    }
    if (decryptionKey != null) {
      KeyRules.checkDecryptionKey(decryptionKey, spec.getDecryption()).ifPresent(problems::add);
    }
    if (!problems.isEmpty()) {
      throw SecretProblemException.invalid(namespace, secretName, String.join("; ", problems)
          + ". Put hex keys of the right length in the Secret, or delete it and set machineKey.generate: true");
    }
    CompatibilityMode compat = spec.getCompatibilityMode();
    return new MachineKeySetting(KeyAttribute.of(validationKey), KeyAttribute.of(decryptionKey),
        spec.getValidation().wireName(), spec.getDecryption().wireName(), compat == null ? null : compat.wireName());
  }

  private static KeyMaterial hexKey(Map<String, String> data, String key, List<String> problems) {
    String value = data.get(key);
    if (value == null || value.isBlank()) {
      problems.add("key " + key + " is missing");
      return null;
    }
    if (!KeyMaterial.isHex(value.strip())) {
      problems.add("key " + key + " is not an even-length hex string");
      return null;
    }
    return KeyMaterial.ofHex(value);
  }
}
