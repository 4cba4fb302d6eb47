package io.iisfarm.operator.simulator.windows;

/** Told when a site on a simulated host starts or stops, so the farm can measure disruption. */
@FunctionalInterface
public interface SiteStateListener {
  void siteStateChanged(String hostname, String siteName, boolean started);
}
