package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** An emergency rollout outside the maintenance windows, as the iisfarm.io/emergency-rollout annotation asked. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmergencyRolloutStatus(
    @JsonPropertyDescription("The annotation's value: why the windows were overridden.") String reason,
    @JsonPropertyDescription("When the operator first acted on it.") String startedAt,
    @JsonPropertyDescription("When every host was in sync again; from then on the windows hold, until the reason changes.") String completedAt) {}
