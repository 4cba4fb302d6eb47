package io.iisfarm.operator.rollout;

import java.util.Objects;

/** A webhook's bearer token from its Secret. Never shown: {@link #toString()} hides it. */
public final class BearerToken {
  private final String token;

  public BearerToken(String token) {
    this.token = Objects.requireNonNull(token, "token");
  }

  /** For the Authorization header only. */
  String reveal() {
    return token;
  }

  @Override
  public String toString() {
    return "BearerToken[hidden]";
  }
}
