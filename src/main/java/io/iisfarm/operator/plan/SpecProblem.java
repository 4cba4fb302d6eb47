package io.iisfarm.operator.plan;

/**
 * One thing wrong with an IisFarm spec.
 *
 * @param field the JSON path of the field, e.g. {@code spec.sites[1].id}
 * @param message what is wrong and what to change
 */
public record SpecProblem(String field, String message) {

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
