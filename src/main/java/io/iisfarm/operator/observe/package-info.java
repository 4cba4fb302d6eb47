/**
 * Observe: read every host of a farm in parallel on a bounded pool, one WinRM session per host, so one slow
 * or dead host never holds up the others. Each host ends as an observation or a typed failure.
 */
package io.iisfarm.operator.observe;
