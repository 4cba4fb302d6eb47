/**
 * Pure scheduling: when host changes may start. Maintenance windows (days, local start and end, IANA zone,
 * crossing midnight, DST), the window open now and the next one, and whether a step of a given length fits.
 * No I/O: only {@code api} and the JDK; time always comes in as an argument.
 */
package io.iisfarm.operator.schedule;
