package io.iisfarm.operator.simulator.windows;

/** The stdout and stderr handles one command runs with, after its redirections. */
record CommandIo(Sink out, Sink err) {}
