/**
 * Simulated IIS hosts: Windows hosts emulated in Java ({@code windows}) behind real WinRM servers on
 * loopback ({@code wsman}). Emulation, not mocking: behaviour follows Microsoft's documentation, and
 * anything not emulated fails loudly. Nothing here depends on the operator's own packages.
 */
package io.iisfarm.operator.simulator;
