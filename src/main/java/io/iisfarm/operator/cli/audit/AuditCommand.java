package io.iisfarm.operator.cli.audit;

import io.iisfarm.operator.api.IisFarm;
import io.iisfarm.operator.cli.LogSetup;
import io.iisfarm.operator.plan.SpecProblem;
import io.iisfarm.operator.plan.SpecValidator;
import io.iisfarm.operator.transcript.MappingFile;
import io.iisfarm.operator.transcript.Recorder;
import io.iisfarm.operator.transcript.Transcript;
import io.iisfarm.operator.transcript.TranscriptException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code audit FILE}: the drift table of a farm file, without Kubernetes; changes nothing on any host. */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
    exitCodeOnExecutionException = AuditCommand.EXIT_INTERNAL,
    description = {
        "Checks an IisFarm once, without Kubernetes: reads every host in parallel over WinRM (read commands"
            + " only, whatever spec.mode says) and prints, per host, the IIS version, each site's actual and"
            + " desired ID, the machineKey fingerprint of each runtime, bitness and config file (never the key),"
            + " and whether the host is in sync or what differs.",
        "",
        "Credentials and keys never come from the command line. Each Secret the IisFarm names is taken from"
            + " --secrets FILE when the file holds a Secret of that name, otherwise from the environment:",
        "  IISFARM_WINRM_USERNAME, IISFARM_WINRM_PASSWORD  every credentialsSecretRef",
        "  IISFARM_WINRM_CA_FILE                           winrm.caSecretRef (PEM file)",
        "  IISFARM_VALIDATION_KEY, IISFARM_DECRYPTION_KEY  machineKey.secretRef (hex)",
        "Without the key, machineKey.adoptFrom compares every host with the named host's key; generate is"
            + " refused (an audit creates nothing).",
        ""},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:every host is in sync",
        "1:drift: some host differs from the spec",
        "2:usage error: missing or malformed file, invalid spec, credentials or key not given",
        "3:some host could not be read, or the machineKeys the spec manages could not be checked on some host"
            + " (plain http without allowKeyTransferOverHttp, an encrypted machineKey); wins over 1",
        "4:internal error, or a recording that could not be written",
        "With --check: 0 when the transcripts show no problem, 1 otherwise."},
    footerHeading = "%nExample, against the simulated farm:%n",
    footer = {
        "  java -jar iis-farm-operator-demo.jar simulate \\",
        "      --farm-out farm.yaml --secrets-out secrets.yaml",
        "  java -jar iis-farm-operator.jar audit --secrets secrets.yaml farm.yaml",
        "Recording what the hosts print, for a bug report (docs/transcripts.md):",
        "  java -jar iis-farm-operator.jar audit --secrets secrets.yaml --record out --anonymize farm.yaml",
        "  java -jar iis-farm-operator.jar audit --check out --secrets secrets.yaml"})
public final class AuditCommand implements Callable<Integer> {
  static final int EXIT_USAGE = 2;
  static final int EXIT_INTERNAL = 4;

  enum Output { table, json }

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", arity = "0..1",
      description = "The IisFarm to check: YAML (or JSON) as for kubectl apply, one document.")
  Path farmFile;

  @Option(names = "--record", paramLabel = "DIR",
      description = "Also write what each host printed into DIR, one transcript per host (docs/transcripts.md), safe"
          + " to attach to a public report: every machineKey, cipher value and password replaced by a stand-in.")
  Path recordDir;

  @Option(names = "--anonymize",
      description = "With --record: also replace host, domain, site and user names, IP addresses and paths, the same"
          + " way everywhere; the mapping to the real names goes to --mapping, outside DIR.")
  boolean anonymize;

  @Option(names = "--mapping", paramLabel = "FILE",
      description = "With --anonymize: where the mapping goes (default: DIR.mapping.yaml beside DIR); with --check:"
          + " the mapping whose real names must not appear.")
  Path mappingFile;

  @Option(names = "--check", paramLabel = "DIR",
      description = "Check the transcripts in DIR before sharing them, instead of auditing: they read, hold none of"
          + " the values of --secrets (or of the environment variables below) nor a real name of the mapping, and"
          + " list the names they show.")
  Path checkDir;

  @Option(names = "--secrets", paramLabel = "FILE",
      description = "YAML with the Secrets the IisFarm names: one or more documents, or a v1 List; data"
          + " (base64) or stringData.")
  Path secretsFile;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
      description = "table (default), or json: one stable document for scripts.")
  Output output;

  private final Map<String, String> environment;

  public AuditCommand() {
    this(System.getenv());
  }

  /** @param environment where credentials and keys are looked up instead of {@link System#getenv()} */
  public AuditCommand(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Override
  public Integer call() {
    LogSetup.toStandardError();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    FarmAudit.Result result;
    Recorder recorder = null;
    try {
      if (checkDir != null) {
        return TranscriptChecks.run(checkDir, secretsFile, mappingFile, environment, out);
      }
      if (farmFile == null) {
        throw new UsageException("FILE is missing: name the IisFarm to check (or use --check DIR)");
      }
      if ((anonymize || mappingFile != null) && recordDir == null) {
        throw new UsageException((anonymize ? "--anonymize" : "--mapping") + " goes with --record DIR");
      }
      if (mappingFile != null && !anonymize) {
        throw new UsageException("--mapping goes with --anonymize");
      }
      if (recordDir != null) {
        AuditRecording.requireNoTranscripts(recordDir);
      }
      IisFarm farm = FarmDocument.read(farmFile);
      if (farm.getMetadata().getNamespace() == null) {
        // as kubectl would place it
        farm.getMetadata().setNamespace("default");
      }
      List<SpecProblem> problems = SpecValidator.validate(farm.getSpec());
      if (!problems.isEmpty()) {
        throw new UsageException(farmFile + " has an invalid spec:\n" + problems.stream()
            .map(p -> "  " + p).collect(Collectors.joining("\n")));
      }
      AuditSecrets secrets = AuditSecrets.load(farm, secretsFile, environment);
      if (recordDir != null) {
        recorder = new Recorder(anonymize, Clock.systemUTC(), new Transcript.Source("recorded",
            "audit --record of the hosts of IisFarm " + (anonymize ? "(anonymized)" : farm.getMetadata().getName()),
            List.of()));
      }
      result = new FarmAudit(Clock.systemUTC(), recorder == null ? UnaryOperator.identity()
          : AuditRecording.around(recorder)).run(farm, secrets);
    } catch (UsageException e) {
      err.println("audit: " + e.getMessage().replace("\n", "\naudit: "));
      err.flush();
      return EXIT_USAGE;
    }
    if (output == Output.json) {
      out.println(AuditDocument.of(result).toJson());
      out.flush();
    } else {
      AuditTable.print(result, out);
    }
    if (recorder != null) {
      try {
        AuditRecording.write(recorder, result, recordDir,
            mappingFile != null ? mappingFile : MappingFile.besides(recordDir), err);
      } catch (TranscriptException | IllegalArgumentException | IOException e) {
        err.println("audit: the recording was not written: " + e.getMessage());
        err.flush();
        return EXIT_INTERNAL;
      }
    }
    return result.outcome().exitCode;
  }
}
