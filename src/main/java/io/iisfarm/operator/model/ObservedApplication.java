package io.iisfarm.operator.model;

/**
 * IIS6 only: an application under a site and its metabase AppRoot. {@code keyPath} is the metabase key,
 * e.g. {@code W3SVC/2/ROOT/shop}; {@code appRoot} what it holds, e.g. {@code /LM/W3SVC/2/Root/shop}.
 */
public record ObservedApplication(String keyPath, String appRoot) {}
