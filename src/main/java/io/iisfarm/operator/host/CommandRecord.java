package io.iisfarm.operator.host;

import java.time.Duration;

/**
 * One command a driver sent. {@code action} is what was run, as it can be shown (the command line, except
 * for lines carrying file content, which are described instead).
 */
public record CommandRecord(String action, int exitCode, Duration duration) {}
