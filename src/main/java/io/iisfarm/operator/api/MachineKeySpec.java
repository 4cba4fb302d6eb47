package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The machineKey every managed machine.config must hold. Key material lives only in the Secret. */
@ValidationRule(value = "!(has(self.generate) && self.generate && has(self.adoptFrom))",
    message = "generate and adoptFrom are mutually exclusive")
@ValidationRule(value = "!(has(self.runtimes) && 'v2.0' in self.runtimes"
        + " && has(self.validation) && self.validation.startsWith('HMACSHA'))",
    message = "HMACSHA256/384/512 exist only on .NET v4.0: remove v2.0 from runtimes or use SHA1/AES")
public class MachineKeySpec {
  @Required
  @JsonPropertyDescription("Secret with keys validationKey and decryptionKey (hex).")
  private SecretRef secretRef;

  @Default("SHA1")
  @JsonPropertyDescription("Validation algorithm. HMACSHA256/384/512 exist only on .NET v4.0.")
  private ValidationAlgorithm validation = ValidationAlgorithm.SHA1;

  @Default("AES")
  @JsonPropertyDescription("Decryption algorithm.")
  private DecryptionAlgorithm decryption = DecryptionAlgorithm.AES;

  @JsonPropertyDescription("Optional compatibilityMode, written into v4.0 config files only (.NET 2.0 knows the"
      + " attribute only from 2.0 SP2 on, and no 2.0 knows Framework45); v2.0 files get the key without it.")
  private CompatibilityMode compatibilityMode;

  @Size(min = 1, max = 2)
  @JsonPropertyDescription("Runtimes to manage; default: every runtime found on the host.")
  private List<ClrRuntime> runtimes;

  @Size(min = 1, max = 2)
  @ValidationRule(value = "self.all(b, b == 32 || b == 64)", message = "bitness must be 32 or 64")
  @JsonPropertyDescription("Bitness to manage (32, 64); default: every bitness found on the host.")
  private List<Integer> bitness;

  @Default("false")
  @JsonPropertyDescription("Create the Secret with a strong random key when it is missing. Never overwrites.")
  private Boolean generate = false;

  @Pattern("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")
  @Size(max = 63)
  @JsonPropertyDescription("When the Secret is missing, create it from this host's current key. Excludes generate.")
  private String adoptFrom;

  public SecretRef getSecretRef() { return secretRef; }
  public void setSecretRef(SecretRef secretRef) { this.secretRef = secretRef; }
  public ValidationAlgorithm getValidation() { return validation; }
  public void setValidation(ValidationAlgorithm validation) { this.validation = validation; }
  public DecryptionAlgorithm getDecryption() { return decryption; }
  public void setDecryption(DecryptionAlgorithm decryption) { this.decryption = decryption; }
  public CompatibilityMode getCompatibilityMode() { return compatibilityMode; }
  public void setCompatibilityMode(CompatibilityMode mode) { this.compatibilityMode = mode; }
  public List<ClrRuntime> getRuntimes() { return runtimes; }
  public void setRuntimes(List<ClrRuntime> runtimes) { this.runtimes = runtimes; }
  public List<Integer> getBitness() { return bitness; }
  public void setBitness(List<Integer> bitness) { this.bitness = bitness; }
  public Boolean getGenerate() { return generate; }
  public void setGenerate(Boolean generate) { this.generate = generate; }
  public String getAdoptFrom() { return adoptFrom; }
  public void setAdoptFrom(String adoptFrom) { this.adoptFrom = adoptFrom; }
}
