package io.iisfarm.operator.host;

/**
 * What a host read covers.
 *
 * @param allowKeyTransferOverHttp read config files (key material) even over plain HTTP; over HTTPS they
 *     are always read
 * @param includeSiteConfigs also read each site's own web.config (a second command)
 */
public record ReadOptions(boolean allowKeyTransferOverHttp, boolean includeSiteConfigs) {

  /** Config files over HTTPS only; no site web.config. */
  public static final ReadOptions DEFAULT = new ReadOptions(false, false);
}
