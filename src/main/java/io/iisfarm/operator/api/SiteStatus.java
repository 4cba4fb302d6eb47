package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A spec site as seen on one host. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SiteStatus(
    String name,
    @JsonPropertyDescription("The ID the site has on the host; absent when the site is missing.") Long actualId,
    Long desiredId,
    @JsonPropertyDescription("Started, Stopped, ...") String state,
    @JsonPropertyDescription("IIS6 only: the site's AppRoot, e.g. /LM/W3SVC/2/ROOT.") String appRoot,
    Boolean inSync) {}
