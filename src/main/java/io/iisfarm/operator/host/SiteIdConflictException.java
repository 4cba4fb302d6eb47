package io.iisfarm.operator.host;

/** The target ID of a site is held by another site on the host; nothing was sent to the host. */
public final class SiteIdConflictException extends HostChangeException {
  private final String site;
  private final long targetId;
  private final String holder;

  public SiteIdConflictException(String host, String site, long targetId, String holder) {
    super(host, "cannot give site \"" + site + "\" ID " + targetId + ": site \"" + holder + "\" holds it"
        + " (move that site first, or through a free temporary ID)");
    this.site = site;
    this.targetId = targetId;
    this.holder = holder;
  }

  public String site() { return site; }

  public long targetId() { return targetId; }

  /** The site that holds the target ID. */
  public String holder() { return holder; }
}
