package io.iisfarm.operator.host;

import io.iisfarm.operator.model.ObservedSite;
import java.util.List;

/**
 * One site moved to a new ID (or, for {@link HostDriver#alignAppRoots}, its AppRoots corrected), verified by
 * reading back.
 *
 * @param stopped sites stopped by the change (IIS stops a site whose ID changes; IIS6 is stopped first)
 * @param started sites started again afterwards
 * @param appRootsSet the metabase keys whose AppRoot was set (IIS6)
 * @param after the site as read back
 */
public record SiteIdChange(String site, long fromId, long toId, List<String> stopped, List<String> started,
    List<String> appRootsSet, ObservedSite after, List<CommandRecord> commands) {

  public SiteIdChange {
    stopped = List.copyOf(stopped);
    started = List.copyOf(started);
    appRootsSet = List.copyOf(appRootsSet);
    commands = List.copyOf(commands);
  }

  /** True when nothing needed doing. */
  public boolean unchanged() {
    return commands.isEmpty();
  }
}
