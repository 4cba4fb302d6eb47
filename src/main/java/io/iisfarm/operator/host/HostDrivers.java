package io.iisfarm.operator.host;

import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.winrm.WinRmSession;
import java.time.Clock;

/** Picks the driver for what a host has. */
public final class HostDrivers {
  private HostDrivers() {}

  /**
   * A driver for the host behind {@code session}, starting from {@code observation} (a read of that host).
   *
   * @param allowKeyTransferOverHttp let {@link HostDriver#writeMachineKey} work over plain HTTP
   * @throws IllegalStateException when the observation shows no IIS
   */
  public static HostDriver open(WinRmSession session, HostObservation observation, boolean allowKeyTransferOverHttp) {
    return open(session, observation, allowKeyTransferOverHttp, Clock.systemUTC());
  }

  public static HostDriver open(WinRmSession session, HostObservation observation, boolean allowKeyTransferOverHttp,
      Clock clock) {
    return open(session, observation, allowKeyTransferOverHttp, clock, AbstractHostDriver.DEFAULT_START_WAIT);
  }

  /**
   * @param startWait how long a site may take to start after its ID changed (IIS applies ID changes
   *     asynchronously); 30 s by default
   */
  public static HostDriver open(WinRmSession session, HostObservation observation, boolean allowKeyTransferOverHttp,
      Clock clock, java.time.Duration startWait) {
    if (observation.iisVersion() == null) {
      throw new IllegalStateException("host " + session.host() + " has no IIS (neither appcmd.exe nor adsutil.vbs)");
    }
    return observation.iisVersion().major() >= 7
        ? new Iis7Driver(session, observation, allowKeyTransferOverHttp, clock, startWait)
        : new Iis6Driver(session, observation, allowKeyTransferOverHttp, clock, startWait);
  }
}
