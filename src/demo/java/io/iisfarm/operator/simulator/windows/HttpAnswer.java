package io.iisfarm.operator.simulator.windows;

/**
 * What a simulated host answers to an HTTP request on one of its binding ports.
 *
 * @param site the site that answered; null when HTTP.sys answered itself (no site, or a stopped one)
 * @param server the Server header: HTTP.sys's own, or IIS's
 */
public record HttpAnswer(int status, String reason, String body, String site, String server) {}
