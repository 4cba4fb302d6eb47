/**
 * The IisFarm status and Events: one builder turns a {@link io.iisfarm.operator.status.FarmReport} (what a
 * reconcile saw, planned and did) into {@code IisFarmStatus}; the recorders write status (only when it
 * changed) and aggregated Events. Never holds key material or passwords.
 */
package io.iisfarm.operator.status;
