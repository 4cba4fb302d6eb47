package io.iisfarm.operator.cli.audit;

/**
 * The audit cannot start: a file is missing or malformed, the spec is invalid, or a credential or key is not
 * given. The message says what to do; it never holds a password or key.
 */
final class UsageException extends Exception {
  UsageException(String message) {
    super(message);
  }
}
