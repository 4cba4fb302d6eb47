/**
 * Pure planning: desired farm plus per-host observations give, per host, ordered steps, findings and
 * whether site IDs and machineKeys are in sync. No I/O: only {@code model}, {@code api} and the JDK.
 */
package io.iisfarm.operator.plan;
