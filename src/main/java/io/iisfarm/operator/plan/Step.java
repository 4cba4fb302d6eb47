package io.iisfarm.operator.plan;

import java.util.List;

/**
 * One change on one host. Steps of a host run in the order planned; each says which sites it stops, so the
 * rollout can record that before it touches the host.
 */
public sealed interface Step permits MoveSite, AlignAppRoots, WriteMachineKey {

  /** CamelCase kind for status and events: MoveSite, AlignAppRoots or WriteMachineKey. */
  String action();

  /** One human line for status and events; fingerprints only, never key material. */
  String describe();

  /** Names of the sites this step stops while it runs (and which must be started again after). */
  List<String> stops();
}
