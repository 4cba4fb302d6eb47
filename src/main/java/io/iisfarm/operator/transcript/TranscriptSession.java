package io.iisfarm.operator.transcript;

import io.iisfarm.operator.winrm.CommandOutput;
import io.iisfarm.operator.winrm.WinRmEndpoint;
import io.iisfarm.operator.winrm.WinRmSession;
import java.nio.charset.Charset;
import java.time.Duration;

/**
 * A transcript answering the operator's reader in this process, as a replay would over WinRM: the recorder reads
 * every transcript it is about to write, to prove that it still says what the host said.
 */
final class TranscriptSession implements WinRmSession {
  private final Transcript transcript;
  private final TranscriptAnswers answers;
  private final WinRmEndpoint endpoint;
  private final Charset charset;

  TranscriptSession(Transcript transcript) {
    this.transcript = transcript;
    this.answers = new TranscriptAnswers(transcript);
    String name = transcript.header().host().name();
    this.endpoint = (transcript.header().host().https() ? WinRmEndpoint.https(name) : WinRmEndpoint.http(name)).build();
    this.charset = CodePages.charset(transcript.header().host().codePage());
  }

  @Override
  public String host() {
    return endpoint.label();
  }

  @Override
  public WinRmEndpoint endpoint() {
    return endpoint;
  }

  @Override
  public CommandOutput run(String commandLine) {
    int codePage = transcript.header().host().codePage();
    return answers.answer(commandLine)
        .map(c -> new CommandOutput(c.exitCode(), new String(c.stdout(), charset), new String(c.stderr(), charset),
            Duration.ZERO, new CommandOutput.Raw(c.stdout(), c.stderr(), codePage)))
        .orElseGet(() -> new CommandOutput(1, "", answers.notRecorded(commandLine), Duration.ZERO));
  }

  @Override
  public void close() {
    // nothing to release
  }
}
