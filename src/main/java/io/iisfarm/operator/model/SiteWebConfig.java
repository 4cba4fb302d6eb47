package io.iisfarm.operator.model;

/**
 * The settings a site's own web.config makes that override machine level ones: they belong to the
 * application and are reported, never edited. Null fields mean the element is absent.
 *
 * @param unreadable why the file could not be read (its folder unreachable, its path not representable in the
 *     console code page, certutil failing on it), or null when it was read; its settings are then unknown
 */
public record SiteWebConfig(String site, String path, MachineKeySetting machineKey, SessionStateSetting sessionState,
    String unreadable) {

  public SiteWebConfig(String site, String path, MachineKeySetting machineKey, SessionStateSetting sessionState) {
    this(site, path, machineKey, sessionState, null);
  }

  /** A web.config that could not be read, and why. */
  public static SiteWebConfig unreadable(String site, String path, String why) {
    return new SiteWebConfig(site, path, null, null, why);
  }

  public boolean isUnreadable() {
    return unreadable != null;
  }
}
