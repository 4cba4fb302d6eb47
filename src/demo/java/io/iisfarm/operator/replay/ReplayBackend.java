package io.iisfarm.operator.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.iisfarm.operator.simulator.HostBackend;
import io.iisfarm.operator.simulator.windows.CommandResult;
import io.iisfarm.operator.simulator.windows.SiteStateListener;
import io.iisfarm.operator.transcript.CodePages;
import io.iisfarm.operator.transcript.Transcript;
import io.iisfarm.operator.transcript.TranscriptAnswers;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A recorded host behind a simulated WinRM listener: a command line that the transcript holds (matched as
 * {@code TranscriptAnswers} says) gets exactly the recorded bytes and exit code; anything else gets exit code 1,
 * a "not recorded" message on stderr and a warning in the log, never an invented answer.
 */
public final class ReplayBackend implements HostBackend {
  private static final Logger LOG = LoggerFactory.getLogger(ReplayBackend.class);
  /** What a command the transcript does not hold exits with. */
  public static final int NOT_RECORDED_EXIT_CODE = 1;

  private final Transcript transcript;
  private final String file;
  private final TranscriptAnswers answers;

  /** @param file the transcript's file name, for messages */
  public ReplayBackend(Transcript transcript, String file) {
    this.transcript = transcript;
    this.file = file;
    this.answers = new TranscriptAnswers(transcript);
  }

  public Transcript transcript() {
    return transcript;
  }

  @Override
  public CommandResult run(String commandLine) {
    return answers.answer(commandLine)
        .map(c -> new CommandResult(c.exitCode(), latin1(c.stdout()), latin1(c.stderr()), c.changes()))
        .orElseGet(() -> {
          String message = answers.notRecorded(commandLine) + " (" + file + ")";
          LOG.warn("replay of {}: {}", transcript.header().host().name(), message);
          return new CommandResult(NOT_RECORDED_EXIT_CODE, "", message + "\r\n", false);
        });
  }

  /** The recorded bytes as they are when the shell's code page is the recorded one; re-encoded otherwise. */
  @Override
  public CommandResult run(String commandLine, int codePage) {
    CommandResult result = run(commandLine);
    int recorded = oemCodePage();
    if (codePage == recorded) {
      return result;
    }
    Charset from = CodePages.charset(recorded);
    Charset to = CodePages.charset(codePage);
    return new CommandResult(result.exitCode(), reencode(result.stdout(), from, to), reencode(result.stderr(), from, to),
        result.changedHost());
  }

  @Override
  public int oemCodePage() {
    return transcript.header().host().codePage();
  }

  @Override
  public String hostname() {
    return fact("hostname", transcript.header().host().name());
  }

  @Override
  public String iisVersion() {
    return fact("iis", "?");
  }

  @Override
  public String osName() {
    return fact("osName", "recorded host");
  }

  private String fact(String name, String otherwise) {
    JsonNode value = transcript.header().facts().get(name);
    return value == null || value.isNull() || value.asText().isBlank() ? otherwise : value.asText();
  }

  @Override
  public void addSiteStateListener(SiteStateListener listener) {
    // a replay changes no site
  }

  @Override
  public Runnable drift(JsonNode change) {
    throw new IllegalArgumentException("host " + transcript.header().host().name() + " is replayed from a transcript"
        + " and takes no drift");
  }

  @Override
  public boolean siteStarted(String siteName) {
    return false;
  }

  @Override
  public List<String> siteNames() {
    return List.of();
  }

  private static String latin1(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  private static String reencode(String bytes, Charset from, Charset to) {
    byte[] raw = bytes.getBytes(StandardCharsets.ISO_8859_1);
    return new String(new String(raw, from).getBytes(to), StandardCharsets.ISO_8859_1);
  }
}
