package io.iisfarm.operator.rollout;

import java.util.Map;

/**
 * Where health checks reach one host's sites: its address, and the port that reaches each binding port when
 * they differ (NAT, port forwarding, simulated hosts on loopback).
 */
public record SiteEndpoint(String address, Map<Integer, Integer> ports) {
  public SiteEndpoint {
    ports = ports == null ? Map.of() : Map.copyOf(ports);
  }

  public int port(int bindingPort) {
    return ports.getOrDefault(bindingPort, bindingPort);
  }
}
