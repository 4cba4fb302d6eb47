package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** The host step being applied, recorded before the host is touched so a restarted operator can finish it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InFlightStep(
    String host,
    @JsonPropertyDescription("What the step changes, e.g. site IDs and machineKey.") String action,
    @JsonPropertyDescription("Sites the step stops while it runs.") List<String> stops,
    @JsonPropertyDescription("Backups taken first: the IIS backup name and the config file backups.") List<String> backups,
    String startedAt) {}
