package io.iisfarm.operator.observe;

import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.winrm.WinRmException;
import java.util.LinkedHashMap;
import java.util.Map;

/** What reading one host gave: an observation, or why there is none. */
public sealed interface HostRead {

  String host();

  /** The observations of the hosts that answered, by host name, in the order of {@code reads}. */
  static Map<String, HostObservation> observations(Map<String, HostRead> reads) {
    Map<String, HostObservation> out = new LinkedHashMap<>();
    reads.forEach((host, read) -> {
      if (read instanceof Observed o) {
        out.put(host, o.observation());
      }
    });
    return out;
  }

  /** The host answered and its output parsed. */
  record Observed(String host, HostObservation observation) implements HostRead {}

  /**
   * The host could not be read.
   *
   * @param kind the transport's classification; {@code PROTOCOL} also covers output that does not parse
   * @param message what failed and what to check; never a password or key
   */
  record Failed(String host, WinRmException.Kind kind, String message) implements HostRead {}
}
