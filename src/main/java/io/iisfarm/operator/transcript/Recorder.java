package io.iisfarm.operator.transcript;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iisfarm.operator.api.HostSpec;
import io.iisfarm.operator.api.IisFarmSpec;
import io.iisfarm.operator.host.HostReader;
import io.iisfarm.operator.host.HostTarget;
import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.model.MachineKeySetting;
import io.iisfarm.operator.winrm.WinRmEndpoint;
import io.iisfarm.operator.winrm.WinRmException;
import io.iisfarm.operator.winrm.WinRmSession;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Records an audit: wraps each host's session ({@link #record}), and when the audit is over turns what each host
 * printed into a transcript ({@link #finish}): secrets replaced, names too when asked, each transcript read back
 * with the operator's own reader and compared with the live read, and scanned for every value it replaced.
 * Nothing leaves memory before all of that passed.
 */
public final class Recorder {
  /** The rules every transcript applies, as its header lists them. */
  static final List<String> RULES = List.of(
      "every machineKey validationKey and decryptionKey value (machine.config, root and site web.config files,"
          + " comments included): a random stand-in of the same length and alphabet, the same stand-in for the same"
          + " key throughout the recording (AutoGenerate, IsolateApps and IsolateByAppId stay)",
      "every <CipherValue> of an encrypted section: a random base64 stand-in of the same length",
      "every password attribute and connection-string password: one * per character",
      "the WinRM password, wherever it would appear: one * per character");

  private final boolean anonymize;
  private final Clock clock;
  private final Transcript.Source source;
  private final Map<String, HostRecording> hosts = new LinkedHashMap<>();

  /** @param source what the transcripts will say they are (a user's hosts, the simulator's, ...) */
  public Recorder(boolean anonymize, Clock clock, Transcript.Source source) {
    this.anonymize = anonymize;
    this.clock = clock;
    this.source = source;
  }

  /** A session recording what {@code open}'s session runs; a host that cannot be reached is recorded as such. */
  public WinRmSession record(HostTarget target, Supplier<WinRmSession> open) {
    HostRecording recording = new HostRecording(target);
    synchronized (hosts) {
      hosts.put(target.name(), recording);
    }
    try {
      return new RecordingSession(open.get(), recording);
    } catch (WinRmException e) {
      recording.failed(e.getMessage());
      throw e;
    }
  }

  /** The transcripts of a recording, and the anonymization's mapping (empty unless anonymized). */
  public record Recording(List<Transcript> transcripts, List<MappingFile.Entry> mapping, int secretsReplaced) {}

  /**
   * @param spec the audited farm's spec: its hosts' order, sites and machineKey settings
   * @param desiredKey the key the audit compared with (its stand-ins go into each transcript), or null
   * @param live what the audit's own reads found, by host name
   * @throws TranscriptException when a transcript would not say what the host said, or would hold a replaced value
   */
  public Recording finish(IisFarmSpec spec, MachineKeySetting desiredKey, Map<String, HostObservation> live) {
    List<HostRecording> recorded = new ArrayList<>();
    synchronized (hosts) {
      for (HostSpec host : spec.getHosts()) {
        if (hosts.containsKey(host.getName())) {
          recorded.add(hosts.get(host.getName()));
        }
      }
    }
    StandIns standIns = new StandIns();
    Anonymizer names = anonymize ? new Anonymizer() : null;
    List<String> passwords = recorded.stream().map(r -> r.target().credentials().revealPassword()).toList();
    if (names != null) {
      FarmSection.discover(spec, names);
      recorded.forEach(r -> discover(r, names));
    }
    Scrubber scrubber = new Scrubber(standIns, names, passwords);
    ObjectNode farm = FarmSection.of(spec, desiredKey, standIns, names);
    String at = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    List<Transcript> transcripts = new ArrayList<>();
    for (HostRecording r : recorded) {
      Transcript transcript = scrub(r, scrubber, farm, at, names);
      transcripts.add(check(transcript, r, live.get(r.target().name()), names));
    }
    List<String> replaced = new ArrayList<>(standIns.originals());
    replaced.addAll(passwords);
    for (Transcript t : transcripts) {
      List<String> texts = LeakScan.texts(t);
      if (LeakScan.count(texts, replaced) > 0) {
        throw new TranscriptException("the transcript of " + t.header().host().name() + " still holds a value that was"
            + " to be replaced (a key, cipher value or password, or a 16-character piece of one); it was not written."
            + " Please report this.");
      }
      if (names != null) {
        List<Anonymizer.Entry> left = texts.stream().flatMap(s -> names.remaining(s).stream()).distinct().toList();
        if (!left.isEmpty()) {
          throw new TranscriptException("the transcript of " + t.header().host().name() + " still shows "
              + left.size() + " of the names to anonymize (kinds: " + left.stream().map(e -> e.kind().label())
              .distinct().toList() + "); it was not written. Record without --anonymize, or report this.");
        }
      }
    }
    List<MappingFile.Entry> mapping = names == null ? List.of()
        : names.entries().stream().map(e -> new MappingFile.Entry(e.kind().label(), e.original(), e.replacement()))
            .toList();
    return new Recording(transcripts, mapping, standIns.originals().size());
  }

  private static void discover(HostRecording r, Anonymizer names) {
    names.dns(r.target().name());
    names.dns(r.target().endpoint().host());
    for (HostRecording.Sent s : r.sent()) {
      for (byte[] bytes : List.of(s.raw().stdout(), s.raw().stderr())) {
        String text = new String(bytes, CodePages.charset(s.raw().codePage()));
        Discovery.console(text, names);
        java.util.regex.Matcher block = CertutilBlocks.BLOCK.matcher(text);
        while (block.find()) {
          byte[] file = CertutilBlocks.decode(block);
          if (file != null) {
            Discovery.config(LeakScan.decodeFile(file), names);
          }
        }
      }
    }
  }

  private Transcript scrub(HostRecording r, Scrubber scrubber, ObjectNode farm, String at, Anonymizer names) {
    List<Transcript.Command> commands = new ArrayList<>();
    List<Transcript.Redaction> items = new ArrayList<>();
    int n = 0;
    for (HostRecording.Sent s : r.sent()) {
      n++;
      Scrubber.Result line = scrubber.line(n, s.line());
      Scrubber.Result out = scrubber.output(n, s.line(), "stdout", s.raw().stdout(), s.raw().codePage());
      Scrubber.Result err = scrubber.output(n, s.line(), "stderr", s.raw().stderr(), s.raw().codePage());
      items.addAll(line.items());
      items.addAll(out.items());
      items.addAll(err.items());
      commands.add(new Transcript.Command(line.text(), s.exitCode(), out.bytes(), err.bytes(), false));
    }
    WinRmEndpoint endpoint = r.target().endpoint();
    String name = names == null ? r.target().name() : names.apply(r.target().name(), null);
    Transcript.Host host = new Transcript.Host(name, endpoint.isHttps() ? "https" : "http",
        endpoint.auth() == WinRmEndpoint.Auth.BASIC ? "basic" : "ntlm", r.codePage());
    Transcript.Header header = new Transcript.Header(ToolVersion.label(), at, source, host, null, farm.deepCopy(),
        new Transcript.Redactions(names != null, RULES, items));
    return new Transcript(header, commands);
  }

  /**
   * Reads {@code transcript} as the operator reads a host, and compares what it finds with the live read: the
   * same sites, IDs, states, files, and keys shared by the same files. Its findings become the header's facts.
   */
  private Transcript check(Transcript transcript, HostRecording r, HostObservation live, Anonymizer names) {
    ObjectNode facts;
    if (live == null || transcript.commands().isEmpty()) {
      facts = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      String failure = r.failure() == null ? "the host was not read" : r.failure();
      facts.put("readFailed", names == null ? failure : names.apply(failure, null));
    } else {
      HostObservation read;
      try (TranscriptSession session = new TranscriptSession(transcript)) {
        read = new HostReader(clock).read(session, r.target().options());
      } catch (RuntimeException e) {
        throw new TranscriptException("the transcript of " + transcript.header().host().name() + " cannot be read back"
            + " (" + e.getClass().getSimpleName() + "); it was not written. Please report this.", e);
      }
      List<String> expected = ObservationShape.of(live, names == null);
      List<String> found = ObservationShape.of(read, names == null);
      if (!expected.equals(found)) {
        throw new TranscriptException("the transcript of " + transcript.header().host().name() + " reads differently"
            + " from the host (" + firstDifference(expected, found) + "); it was not written."
            + (names != null ? " Record without --anonymize, or report this." : " Please report this."));
      }
      facts = ObservationShape.facts(read);
    }
    Transcript.Header h = transcript.header();
    return transcript.withHeader(new Transcript.Header(h.tool(), h.recordedAt(), h.source(), h.host(), facts, h.farm(),
        h.redactions()));
  }

  private static String firstDifference(List<String> expected, List<String> found) {
    for (int i = 0; i < Math.max(expected.size(), found.size()); i++) {
      String a = i < expected.size() ? expected.get(i) : "nothing";
      String b = i < found.size() ? found.get(i) : "nothing";
      if (!a.equals(b)) {
        return "item " + (i + 1) + " of the read: the host gave \"" + a + "\", the transcript \"" + b + "\"";
      }
    }
    return "no difference";
  }
}
