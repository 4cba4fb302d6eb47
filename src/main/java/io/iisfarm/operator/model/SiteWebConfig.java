package io.iisfarm.operator.model;

/**
 * The settings a site's own web.config makes that override machine level ones: they belong to the
 * application and are reported, never edited. Null fields mean the element is absent.
 */
public record SiteWebConfig(String site, String path, MachineKeySetting machineKey, SessionStateSetting sessionState) {}
