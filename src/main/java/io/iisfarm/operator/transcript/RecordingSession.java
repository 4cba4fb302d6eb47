package io.iisfarm.operator.transcript;

import io.iisfarm.operator.winrm.CommandOutput;
import io.iisfarm.operator.winrm.WinRmEndpoint;
import io.iisfarm.operator.winrm.WinRmException;
import io.iisfarm.operator.winrm.WinRmSession;

/** A session that keeps every command line and the raw output of each, then behaves exactly as the one it wraps. */
final class RecordingSession implements WinRmSession {
  private final WinRmSession session;
  private final HostRecording recording;

  RecordingSession(WinRmSession session, HostRecording recording) {
    this.session = session;
    this.recording = recording;
  }

  @Override
  public String host() {
    return session.host();
  }

  @Override
  public WinRmEndpoint endpoint() {
    return session.endpoint();
  }

  @Override
  public CommandOutput run(String commandLine) {
    try {
      CommandOutput output = session.run(commandLine);
      recording.add(commandLine, output);
      return output;
    } catch (WinRmException e) {
      recording.failed(e.getMessage());
      throw e;
    }
  }

  @Override
  public void close() {
    session.close();
  }
}
