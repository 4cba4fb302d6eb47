package io.iisfarm.operator.status;

/**
 * A condition before it is stamped with times: type, status (True, False, Unknown), CamelCase reason, and a
 * message that says what to do next.
 */
public record ConditionVerdict(String type, String status, String reason, String message) {

  public static ConditionVerdict isTrue(String type, String reason, String message) {
    return new ConditionVerdict(type, "True", reason, message);
  }

  public static ConditionVerdict isFalse(String type, String reason, String message) {
    return new ConditionVerdict(type, "False", reason, message);
  }

  public static ConditionVerdict unknown(String type, String reason, String message) {
    return new ConditionVerdict(type, "Unknown", reason, message);
  }
}
