package io.iisfarm.operator.secrets;

/**
 * A referenced Secret is missing or unusable. The message names the Secret and the key at fault and
 * says what to do; it never contains a value.
 */
public class SecretProblemException extends RuntimeException {
  private final String reason;

  private SecretProblemException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** The Secret does not exist. */
  public static SecretProblemException missing(String namespace, String name, String purpose) {
    return new SecretProblemException("SecretMissing", "Secret " + namespace + "/" + name + " (" + purpose
        + ") not found: create it in namespace " + namespace + " or fix the reference in the IisFarm");
  }

  /** The Secret exists but a key is absent or malformed. */
  public static SecretProblemException invalid(String namespace, String name, String problem) {
    return new SecretProblemException("SecretInvalid", "Secret " + namespace + "/" + name + ": " + problem);
  }

  /** CamelCase condition reason: {@code SecretMissing} or {@code SecretInvalid}. */
  public String reason() { return reason; }
}
