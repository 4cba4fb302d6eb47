/**
 * The operator's hands on a host: the one-command read of a host ({@link io.iisfarm.operator.host.HostReader}),
 * the parsers for what Windows prints, the byte-preserving machineKey edit, and the IIS6 / IIS7+ drivers
 * behind {@link io.iisfarm.operator.host.HostDriver}. Every command line sent is documented in
 * {@code docs/host-commands.md}.
 */
package io.iisfarm.operator.host;
