package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The machineKey of one config file, shown by fingerprint only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MachineKeyStatus(
    @JsonPropertyDescription("v2.0 or v4.0") String runtime,
    @JsonPropertyDescription("32 or 64") Integer bitness,
    @JsonPropertyDescription("machine.config or web.config (the runtime's root web.config)") String file,
    @JsonPropertyDescription("First 12 hex of SHA-256 over the normalised machineKey; otherwise AutoGenerate, absent, encrypted (protected configuration) or duplicated.") String fingerprint,
    String validation,
    String decryption,
    Boolean inSync) {}
