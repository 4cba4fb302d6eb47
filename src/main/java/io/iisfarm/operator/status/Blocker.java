package io.iisfarm.operator.status;

import java.util.Objects;

/** A farm-level problem that stops every change: the spec or a Secret. */
public record Blocker(Kind kind, String message) {

  public Blocker {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  public enum Kind {
    INVALID_SPEC("InvalidSpec"),
    SECRET_MISSING("SecretMissing"),
    SECRET_INVALID("SecretInvalid");

    private final String reason;

    Kind(String reason) {
      this.reason = reason;
    }

    public String reason() { return reason; }
  }
}
