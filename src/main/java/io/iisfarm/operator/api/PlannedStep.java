package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One step the operator would run (Audit) or will run (Enforce) on a host. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlannedStep(String host, String action, String detail) {}
