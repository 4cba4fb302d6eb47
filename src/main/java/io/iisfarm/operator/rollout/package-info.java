/**
 * Rollout: acting on hosts safely. At most {@code maxUnavailable} hosts are changed at once; each host step is
 * recorded in status before the host is touched, backed up, changed, restarted where the change stopped a
 * site, verified by reading back, and restored from its backup when anything fails. The first failure stops
 * the rollout.
 */
package io.iisfarm.operator.rollout;
