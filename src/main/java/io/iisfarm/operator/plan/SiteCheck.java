package io.iisfarm.operator.plan;

/**
 * A spec site as found on one host, for the status table.
 *
 * @param actualId the ID on the host; null when the site is missing or its name is ambiguous
 * @param appRoot IIS6 only: the AppRoot of the site's ROOT; null on IIS7+
 * @param inSync the site has its desired ID and, on IIS6, AppRoots that name it with upper-case ROOT
 */
public record SiteCheck(String name, long desiredId, Long actualId, String state, String appRoot, boolean inSync) {}
