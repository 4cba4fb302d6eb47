package io.iisfarm.operator.cli.audit;

import io.iisfarm.operator.secrets.WinRmSecrets;
import io.iisfarm.operator.transcript.MappingFile;
import io.iisfarm.operator.transcript.TranscriptCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code audit --check DIR}: the secrets to look for come from the Secrets file and the environment. */
final class TranscriptChecks {
  private TranscriptChecks() {}

  static int run(Path dir, Path secretsFile, Path mappingFile, Map<String, String> environment, PrintWriter out)
      throws UsageException {
    if (!Files.isDirectory(dir)) {
      throw new UsageException("--check " + dir + ": no such folder");
    }
    List<String> secrets = new ArrayList<>();
    if (secretsFile != null) {
      // every value but the public ones: a user name is anonymized or not, a CA certificate is public
      AuditSecrets.readFile(secretsFile, null).values().forEach(data -> data.forEach((key, value) -> {
        if (!key.equals(WinRmSecrets.USERNAME) && !key.equals(WinRmSecrets.CA_CERT)) {
          secrets.add(value);
        }
      }));
    }
    for (String name : List.of(AuditSecrets.PASSWORD, AuditSecrets.VALIDATION_KEY, AuditSecrets.DECRYPTION_KEY)) {
      String value = environment.get(name);
      if (value != null && !value.isBlank()) {
        secrets.add(value.strip());
      }
    }
    Path mapping = mappingFile != null ? mappingFile : MappingFile.besides(dir);
    try {
      List<MappingFile.Entry> names = Files.isRegularFile(mapping) ? MappingFile.read(mapping) : List.of();
      TranscriptCheck.Report report = TranscriptCheck.run(dir, secrets, names);
      if (secrets.isEmpty()) {
        out.println("(no secret values given: pass --secrets FILE to look for your keys and passwords too)");
      }
      report.lines().forEach(out::println);
      out.flush();
      return report.problems() == 0 ? 0 : 1;
    } catch (IOException e) {
      throw new UsageException("--check " + dir + ": " + e.getMessage());
    }
  }
}
