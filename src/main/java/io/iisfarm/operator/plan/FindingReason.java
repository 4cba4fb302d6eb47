package io.iisfarm.operator.plan;

/** Why the planner reports something about a host. {@link #camelCase()} is the wire spelling. */
public enum FindingReason {
  /** A spec site has another ID on the host. */
  SITE_ID_DRIFT("SiteIdDrift", false),
  /** A spec site does not exist on the host; the operator never creates sites. */
  SITE_MISSING("SiteMissing", false),
  /** A target ID is held by a site the spec does not name: nothing is planned for the host. */
  SITE_ID_CONFLICT("SiteIdConflict", true),
  /** Several IIS6 sites share a spec site's name (ServerComment): nothing is planned for the host. */
  AMBIGUOUS_SITE_NAME("AmbiguousSiteName", true),
  /** An IIS6 AppRoot ends in /Root or another case than /ROOT. */
  APP_ROOT_CASE("AppRootCase", false),
  /** An IIS6 AppRoot names another site ID or path than the site's own. */
  APP_ROOT_STALE("AppRootStale", false),
  /**
   * A spec site's name holds characters the hosts' console code page (437) cannot carry: the operator cannot
   * tell it from other names on the host, so it neither reads nor changes that site.
   */
  SITE_NAME_NOT_REPRESENTABLE("SiteNameNotRepresentable", false),
  /** A site's own web.config could not be read (folder unreachable, e.g. on a UNC share): overrides unknown. */
  SITE_CONFIG_UNREADABLE("SiteConfigUnreadable", false),
  /** A managed config file holds another machineKey than the farm's. */
  MACHINE_KEY_DRIFT("MachineKeyDrift", false),
  /** A runtime's root web.config holds a machineKey that overrides machine.config; it is aligned too. */
  ROOT_WEB_CONFIG_MACHINE_KEY("RootWebConfigMachineKey", false),
  /** A site's own web.config sets a machineKey: reported, never edited. */
  MACHINE_KEY_OVERRIDE("MachineKeyOverride", false),
  /** A runtime or bitness the spec names is not installed on the host. */
  RUNTIME_ABSENT("RuntimeAbsent", false),
  /** A runtime's CONFIG folder exists but its machine.config was not read. */
  MACHINE_CONFIG_MISSING("MachineConfigMissing", false),
  /** A managed file's machineKey is encrypted (protected configuration): its key is unknown, nothing is written. */
  MACHINE_KEY_ENCRYPTED("MachineKeyEncrypted", false),
  /** The runtime's configuration system rejects a managed file's machineKey (or its duplicate): nothing is written. */
  MACHINE_KEY_INVALID("MachineKeyInvalid", false),
  /** The spec's compatibilityMode goes into v4.0 files only; the host's v2.0 files get the key without it. */
  COMPATIBILITY_MODE_V4_ONLY("CompatibilityModeV4Only", false),
  /** IIS reads its configuration from a shared store: site IDs are not changed on the host. */
  SHARED_CONFIGURATION("SharedConfiguration", false),
  /** The spec asks for a v4.0-only algorithm on a v2.0 runtime: nothing is planned on any host. */
  INVALID_SPEC("InvalidSpec", false),
  /** Config files were not read (plain http without allowKeyTransferOverHttp): keys are unknown. */
  INSECURE_TRANSPORT("InsecureTransport", false),
  /** Session state differs from the spec's expectation. Reported only. */
  SESSION_STATE_MISMATCH("SessionStateMismatch", false),
  /** Session state differs from the other hosts'. Reported only. */
  SESSION_STATE_INCONSISTENT("SessionStateInconsistent", false);

  private final String camelCase;
  private final boolean conflict;

  FindingReason(String camelCase, boolean conflict) {
    this.camelCase = camelCase;
    this.conflict = conflict;
  }

  public String camelCase() { return camelCase; }

  /** A conflict blocks every step on its host. */
  public boolean isConflict() { return conflict; }

  @Override
  public String toString() { return camelCase; }
}
