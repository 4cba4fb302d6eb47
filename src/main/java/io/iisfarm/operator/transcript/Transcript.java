package io.iisfarm.operator.transcript;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;

/**
 * What one host printed: every command line sent, in order, with its exit code and its raw output bytes, and a
 * header saying where it comes from, what the read found and what was redacted. The file form is
 * {@link TranscriptFile}; the format is described in docs/transcripts.md.
 */
public record Transcript(Header header, List<Command> commands) {

  /** The format this code writes and reads. */
  public static final String FORMAT = "iisfarm.io/transcript/v1";

  public Transcript {
    commands = List.copyOf(commands);
  }

  /**
   * @param kind {@code recorded} (a user's host, by {@code audit --record}), {@code simulated} (the simulator's
   *     hosts) or {@code documented} (built by hand from outputs that published sources show)
   * @param references where a documented transcript's outputs come from
   */
  public record Source(String kind, String description, List<String> references) {
    public Source {
      references = references == null ? List.of() : List.copyOf(references);
    }
  }

  /**
   * How the host was reached: its name in the IisFarm, {@code https} or {@code http}, {@code basic} or
   * {@code ntlm}, and the console code page of its shell (what the output bytes are written in).
   */
  public record Host(String name, String transport, String auth, int codePage) {
    public boolean https() {
      return !"http".equalsIgnoreCase(transport);
    }
  }

  /**
   * @param tool the name and version of the program that recorded it
   * @param facts what the read of the transcript finds (informational; replay never uses it)
   * @param farm what the audit wanted (sites, machineKey algorithms and the stand-ins of its key), from which a
   *     replay writes an IisFarm
   */
  public record Header(String tool, String recordedAt, Source source, Host host, ObjectNode facts, ObjectNode farm,
      Redactions redactions) {
    public Header {
      facts = facts == null ? JsonNodeFactory.instance.objectNode() : facts;
      farm = farm == null ? JsonNodeFactory.instance.objectNode() : farm;
      redactions = redactions == null ? Redactions.NONE : redactions;
    }
  }

  /**
   * What was replaced before the transcript was written.
   *
   * @param rules the redaction rules applied, in words
   * @param items each replacement, by command, stream and part
   */
  public record Redactions(boolean anonymized, List<String> rules, List<Redaction> items) {
    public static final Redactions NONE = new Redactions(false, List.of(), List.of());

    public Redactions {
      rules = List.copyOf(rules);
      items = List.copyOf(items);
    }
  }

  /**
   * @param command the command's position, from 1
   * @param stream {@code stdout}, {@code stderr} or {@code line} (the command line itself)
   * @param where the part of the output, e.g. {@code file %windir%\...\machine.config}
   * @param what e.g. {@code machineKey validationKey}
   */
  public record Redaction(int command, String stream, String where, String what, int count) {}

  /**
   * One command line and what it gave back.
   *
   * @param changes whether the command changes the host; a replay answers changing commands in their recorded
   *     order (docs/transcripts.md, "Replay")
   */
  public record Command(String line, int exitCode, byte[] stdout, byte[] stderr, boolean changes) {
    public Command {
      stdout = stdout.clone();
      stderr = stderr.clone();
    }

    @Override
    public byte[] stdout() { return stdout.clone(); }

    @Override
    public byte[] stderr() { return stderr.clone(); }

    @Override
    public boolean equals(Object o) {
      return o instanceof Command c && line.equals(c.line) && exitCode == c.exitCode && changes == c.changes
          && Arrays.equals(stdout, c.stdout) && Arrays.equals(stderr, c.stderr);
    }

    @Override
    public int hashCode() { return line.hashCode() * 31 + exitCode; }

    /** Sizes only: output may hold a config file. */
    @Override
    public String toString() {
      return "Command[" + line.length() + " chars, exit " + exitCode + ", stdout " + stdout.length + " bytes, stderr "
          + stderr.length + " bytes" + (changes ? ", changes the host" : "") + "]";
    }
  }

  /** The same transcript with another header. */
  public Transcript withHeader(Header newHeader) {
    return new Transcript(newHeader, commands);
  }
}
