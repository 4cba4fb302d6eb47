package io.iisfarm.operator.model;

import java.util.List;

/**
 * A site as read from a host. On IIS6, {@code appRoot} is the AppRoot of the site's ROOT key and
 * {@code applications} are its child applications; on IIS7+ both are empty (IIS derives them from the ID).
 */
public record ObservedSite(
    String name,
    long id,
    String state,
    String physicalPath,
    String appRoot,
    List<ObservedApplication> applications) {

  public ObservedSite {
    applications = applications == null ? List.of() : List.copyOf(applications);
  }

  public boolean isStarted() { return "Started".equalsIgnoreCase(state); }
}
