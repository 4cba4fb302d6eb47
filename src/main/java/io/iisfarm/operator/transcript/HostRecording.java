package io.iisfarm.operator.transcript;

import io.iisfarm.operator.host.HostTarget;
import io.iisfarm.operator.winrm.CommandOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * What one host's session ran, as received, before any redaction: kept in memory until the audit ends, then
 * scrubbed into a {@link Transcript}.
 */
final class HostRecording {
  /** A command as the shell answered it. */
  record Sent(String line, CommandOutput.Raw raw, int exitCode) {}

  private final HostTarget target;
  private final List<Sent> sent = new ArrayList<>();
  private String failure;

  HostRecording(HostTarget target) {
    this.target = target;
  }

  HostTarget target() {
    return target;
  }

  synchronized void add(String line, CommandOutput output) {
    sent.add(new Sent(line, output.raw(), output.exitCode()));
  }

  /** The host could not be reached, or a command got no answer: why, as the audit says it. */
  synchronized void failed(String message) {
    if (failure == null) {
      failure = message;
    }
  }

  synchronized List<Sent> sent() {
    return List.copyOf(sent);
  }

  synchronized String failure() {
    return failure;
  }

  /** The code page of the host's shell: that of its first answer, else 437 (what the transport asks for). */
  synchronized int codePage() {
    return sent.isEmpty() ? 437 : sent.get(0).raw().codePage();
  }
}
