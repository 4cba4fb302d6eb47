/**
 * WinRM transport on winrm4j: one connection and one cmd shell per host for a whole check or change,
 * many commands on it. HTTPS with certificate verification by default; timeouts enforced through the
 * CXF bus for every auth scheme; no hidden retries; typed errors whose messages say what to check and
 * never carry a password or key.
 */
package io.iisfarm.operator.winrm;
