package io.iisfarm.operator.api;

/**
 * One reason a document is rejected.
 *
 * @param path JSON path of the offending node, e.g. {@code $.spec.sites[0].id}
 * @param check the schema keyword that failed ({@code minimum}, {@code enum}, {@code required}, ...),
 *     {@code unknown field}, or {@code rule: <message>} for an x-kubernetes-validations rule
 * @param detail the validator's own message
 */
record Violation(String path, String check, String detail) {
  /** What a test expects: path and check, without the validator's wording. */
  String key() {
    return path + " " + check;
  }

  @Override
  public String toString() {
    return key() + " (" + detail + ")";
  }
}
