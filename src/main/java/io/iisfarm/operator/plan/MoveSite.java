package io.iisfarm.operator.plan;

import java.util.List;
import java.util.Objects;

/**
 * Move a site from one ID to another. IIS stops a site whose ID changes, so the move stops it.
 *
 * @param temporary true when {@code toId} is a free ID used only to break a swap or cycle
 */
public record MoveSite(String site, long fromId, long toId, boolean temporary) implements Step {

  public MoveSite {
    Objects.requireNonNull(site, "site");
  }

  @Override
  public String action() { return "MoveSite"; }

  @Override
  public String describe() {
    return "move site " + site + " from ID " + fromId + " to " + (temporary ? "temporary ID " : "ID ") + toId;
  }

  @Override
  public List<String> stops() { return List.of(site); }
}
