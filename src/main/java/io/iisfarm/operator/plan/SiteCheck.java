package io.iisfarm.operator.plan;

/**
 * A spec site as found on one host, for the status table.
 *
 * @param actualId the ID on the host; null when the site is missing or its name is ambiguous
 * @param state the IIS state (Started, Stopped...), or {@value #MISSING} or {@value #AMBIGUOUS}
 * @param appRoot IIS6 only: the AppRoot of the site's ROOT; null on IIS7+
 * @param inSync the site has its desired ID and, on IIS6, AppRoots that name it with upper-case ROOT
 */
public record SiteCheck(String name, long desiredId, Long actualId, String state, String appRoot, boolean inSync) {
  /** State of a spec site the host does not have. */
  public static final String MISSING = "Missing";
  /** State of a spec site whose name the console code page cannot carry. */
  public static final String UNKNOWN = "Unknown";
  /** State of a spec site whose name several IIS6 sites share. */
  public static final String AMBIGUOUS = "Ambiguous";
}
