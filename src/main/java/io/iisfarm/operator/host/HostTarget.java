package io.iisfarm.operator.host;

import io.iisfarm.operator.winrm.WinRmCredentials;
import io.iisfarm.operator.winrm.WinRmEndpoint;

/** A host to read: its spec name, how to reach it, and what to read. */
public record HostTarget(String name, WinRmEndpoint endpoint, WinRmCredentials credentials, ReadOptions options) {}
