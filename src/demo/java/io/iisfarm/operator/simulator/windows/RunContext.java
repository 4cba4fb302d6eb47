package io.iisfarm.operator.simulator.windows;

import java.util.ArrayList;
import java.util.List;

/** What one command line (or drift action) did to the host: whether it changed it, and site starts and stops. */
final class RunContext {
  record SiteEvent(String site, boolean started) {}

  private final List<SiteEvent> events = new ArrayList<>();
  private boolean changed;

  void markChanged() {
    changed = true;
  }

  void siteStarted(String site) {
    events.add(new SiteEvent(site, true));
    changed = true;
  }

  void siteStopped(String site) {
    events.add(new SiteEvent(site, false));
    changed = true;
  }

  boolean changed() { return changed; }

  List<SiteEvent> events() { return List.copyOf(events); }
}
