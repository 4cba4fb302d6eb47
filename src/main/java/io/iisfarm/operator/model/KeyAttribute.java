package io.iisfarm.operator.model;

/**
 * The value of a validationKey or decryptionKey attribute: an explicit hex key, or a keyword such as
 * {@code AutoGenerate,IsolateApps}. Keywords are not secret; explicit keys are {@link KeyMaterial}.
 */
public record KeyAttribute(KeyMaterial key, String keyword) {

  public KeyAttribute {
    if ((key == null) == (keyword == null)) {
      throw new IllegalArgumentException("exactly one of key and keyword");
    }
  }

  /** Reads an attribute value as written in a config file. */
  public static KeyAttribute parse(String raw) {
    String value = raw.strip();
    return KeyMaterial.isHex(value) ? new KeyAttribute(KeyMaterial.ofHex(value), null) : new KeyAttribute(null, value);
  }

  public static KeyAttribute of(KeyMaterial key) {
    return new KeyAttribute(key, null);
  }

  public boolean isExplicit() { return key != null; }

  /** The attribute text to write into a config file. */
  public String attributeValue() {
    return key != null ? key.reveal() : keyword;
  }

  @Override
  public String toString() {
    return key != null ? key.toString() : keyword;
  }
}
