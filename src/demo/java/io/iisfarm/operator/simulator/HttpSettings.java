package io.iisfarm.operator.simulator;

import java.util.Map;

/**
 * The {@code http:} key of a farm-file host: serve its sites on loopback. Each binding port of its sites gets
 * a listener on 127.0.0.1, on a free port unless {@code ports} fixes one.
 *
 * <pre>
 * http: {}                      # every binding port on a free port
 * http: {ports: {80: 18080}}    # binding port 80 on 127.0.0.1:18080
 * </pre>
 */
public record HttpSettings(Map<Integer, Integer> ports) {
  public HttpSettings {
    ports = ports == null ? Map.of() : Map.copyOf(ports);
  }
}
