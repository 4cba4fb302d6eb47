package io.iisfarm.operator.model;

/**
 * The session-state settings that decide whether hosts share sessions. Connection strings to SQL Server
 * can carry passwords, so only the server name (data source) is kept.
 */
public record SessionStateSetting(String mode, String stateConnectionString, String sqlDataSource) {}
