package io.iisfarm.operator.rollout;

import java.time.Instant;

/** Whether a new host step may start now (maintenance windows); unfinished steps are always resumed. */
@FunctionalInterface
public interface StepAdmission {

  /** Null when {@code host}'s step may start at {@code now}; otherwise why not, for the status. */
  String refusal(String host, Instant now);

  StepAdmission ALWAYS = (host, now) -> null;
}
