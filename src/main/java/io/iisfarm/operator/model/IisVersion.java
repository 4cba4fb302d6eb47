package io.iisfarm.operator.model;

/** IIS major.minor, e.g. 6.0, 7.5, 10.0. */
public record IisVersion(int major, int minor) {

  /** IIS6 is managed through the metabase (adsutil.vbs); IIS7 and later through appcmd. */
  public boolean isIis6() { return major == 6; }

  @Override
  public String toString() { return major + "." + minor; }
}
