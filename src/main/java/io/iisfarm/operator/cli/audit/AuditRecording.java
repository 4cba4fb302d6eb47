package io.iisfarm.operator.cli.audit;

import io.iisfarm.operator.model.HostObservation;
import io.iisfarm.operator.model.MachineKeySetting;
import io.iisfarm.operator.observe.FarmObserver;
import io.iisfarm.operator.status.HostReport;
import io.iisfarm.operator.transcript.MappingFile;
import io.iisfarm.operator.transcript.Recorder;
import io.iisfarm.operator.transcript.Transcript;
import io.iisfarm.operator.transcript.TranscriptFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/** {@code audit --record DIR}: the recorder around each host's session, and the transcripts it writes. */
final class AuditRecording {
  private AuditRecording() {}

  /** Every session the audit opens, recorded. */
  static UnaryOperator<FarmObserver.SessionOpener> around(Recorder recorder) {
    return opener -> target -> recorder.record(target, () -> opener.open(target));
  }

  /**
   * Writes one transcript per host into {@code dir} (created if need be) and, when anonymized, the mapping into
   * {@code mapping}, outside {@code dir}; says what was written on {@code err}.
   *
   * @throws io.iisfarm.operator.transcript.TranscriptException when a transcript would not be safe or true
   */
  static void write(Recorder recorder, FarmAudit.Result result, Path dir, Path mapping, PrintWriter err)
      throws IOException {
    Map<String, HostObservation> live = new LinkedHashMap<>();
    for (HostReport host : result.report().hosts()) {
      if (host.observation() != null) {
        live.put(host.name(), host.observation());
      }
    }
    MachineKeySetting key = result.desired().machineKey() == null ? null : result.desired().machineKey().setting();
    Recorder.Recording recording = recorder.finish(result.farm().getSpec(), key, live);
    Files.createDirectories(dir);
    if (!recording.mapping().isEmpty()) {
      MappingFile.write(mapping, dir, recording.mapping());
    }
    err.println("audit: recorded " + recording.transcripts().size() + " transcript(s) into " + dir + ", with "
        + recording.secretsReplaced() + " machineKey, cipher and password value(s) replaced by stand-ins:");
    for (Transcript t : recording.transcripts()) {
      Path file = dir.resolve(fileName(t.header().host().name()));
      TranscriptFile.write(t, file);
      err.println("  " + file.getFileName() + "  " + t.commands().size() + " command(s)"
          + (t.header().facts().has("readFailed") ? ", the host could not be read" : ""));
    }
    if (recording.mapping().isEmpty()) {
      err.println("audit: host, domain, site and user names, IP addresses and paths are in them as the hosts printed"
          + " them; record with --anonymize to replace those too.");
    } else {
      err.println("audit: anonymized " + recording.mapping().size() + " name(s); the real names are in " + mapping
          + ": keep that file to yourself.");
    }
    err.println("audit: check them before sharing: java -jar iis-farm-operator.jar audit --check " + dir
        + " --secrets <your Secrets file>");
    err.flush();
  }

  /**
   * Refuses a folder that already holds transcripts: a replay serves every transcript of a folder, so an old host
   * would come back with the new ones.
   */
  static void requireNoTranscripts(Path dir) throws UsageException {
    try {
      if (Files.isDirectory(dir) && !TranscriptFile.list(dir).isEmpty()) {
        throw new UsageException("--record " + dir + " already holds transcripts (" + TranscriptFile.list(dir).size()
            + "); name a new or empty folder, so that no earlier recording mixes with this one");
      }
    } catch (IOException e) {
      throw new UsageException("--record " + dir + ": cannot be read (" + e.getMessage() + ")");
    }
  }

  /** {@code web01.transcript.yaml}: the host's name, with anything a file name should not hold replaced. */
  static String fileName(String host) {
    return host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_") + TranscriptFile.SUFFIX;
  }
}
