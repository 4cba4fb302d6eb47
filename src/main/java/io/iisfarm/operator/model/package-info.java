/**
 * Plain data shared by the layers: what a host was seen to hold (observed) and what the farm should
 * hold (desired). No I/O lives here, so the planner can depend on it without touching a host.
 */
package io.iisfarm.operator.model;
