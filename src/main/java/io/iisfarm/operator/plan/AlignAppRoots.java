package io.iisfarm.operator.plan;

import java.util.List;
import java.util.Objects;

/**
 * IIS6 only: set the AppRoot of a site's ROOT and of its child applications to
 * {@code /LM/W3SVC/<siteId>/ROOT...}, upper-case ROOT as IIS7+ derives it. Runs after the site's moves, so
 * key paths name {@code siteId}.
 */
public record AlignAppRoots(String site, long siteId, List<AppRootChange> changes) implements Step {

  /**
   * @param keyPath metabase key when the step runs, e.g. {@code W3SVC/2/ROOT/shop}
   * @param from the AppRoot the key holds now
   * @param to the AppRoot it must hold
   */
  public record AppRootChange(String keyPath, String from, String to) {}

  public AlignAppRoots {
    Objects.requireNonNull(site, "site");
    changes = List.copyOf(changes);
  }

  @Override
  public String action() { return "AlignAppRoots"; }

  @Override
  public String describe() {
    AppRootChange first = changes.get(0);
    String text = "set AppRoot " + first.keyPath() + " of site " + site + " from " + first.from() + " to " + first.to();
    int more = changes.size() - 1;
    return more == 0 ? text : text + " and align " + more + " child application" + (more == 1 ? "" : "s");
  }

  /** Setting an AppRoot does not stop the site. */
  @Override
  public List<String> stops() { return List.of(); }
}
