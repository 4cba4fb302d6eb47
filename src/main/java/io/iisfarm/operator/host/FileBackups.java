package io.iisfarm.operator.host;

import io.iisfarm.operator.api.ClrRuntime;
import io.iisfarm.operator.model.Bitness;
import io.iisfarm.operator.model.ConfigKind;
import io.iisfarm.operator.model.ConfigLocation;
import io.iisfarm.operator.winrm.CommandOutput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The config file backups the operator left beside machine.config and web.config, found with {@code dir /b}. */
final class FileBackups {
  private FileBackups() {}

  static String configDirectory(ClrRuntime runtime, Bitness bitness) {
    String machineConfig = HostReadCommand.path(new ConfigLocation(runtime, bitness, ConfigKind.MACHINE_CONFIG));
    return machineConfig.substring(0, machineConfig.lastIndexOf('\\'));
  }

  /** Our backup files by the id in their name, as full paths. */
  static Map<BackupId, List<String>> list(Step step) {
    List<String> parts = new ArrayList<>();
    List<String> directories = new ArrayList<>();
    for (ClrRuntime runtime : ClrRuntime.values()) {
      for (Bitness bitness : Bitness.values()) {
        String directory = configDirectory(runtime, bitness);
        parts.add(Sections.echo("dir:" + directories.size()));
        parts.add("(if exist " + Cmd.quote(directory + "\\machine.config") + " dir /b "
            + Cmd.quote(directory + "\\*." + BackupId.PREFIX + "*.bak") + ")");
        directories.add(directory);
      }
    }
    parts.add(Sections.echo(HostReadCommand.END));
    CommandOutput output = step.run(Cmd.join(parts));
    Map<String, String> sections = Sections.split(output.stdout());
    Map<BackupId, List<String>> backups = new LinkedHashMap<>();
    for (int i = 0; i < directories.size(); i++) {
      for (String name : sections.getOrDefault("dir:" + i, "").lines().map(String::strip).toList()) {
        Optional<BackupId> id = name.endsWith(".bak") ? BackupId.find(name) : Optional.empty();
        if (id.isPresent()) {
          backups.computeIfAbsent(id.get(), k -> new ArrayList<>()).add(directories.get(i) + "\\" + name);
        }
      }
    }
    return backups;
  }

  static void delete(Step step, List<String> paths) {
    List<String> deletions = paths.stream().map(path -> "del " + Cmd.quote(path)).toList();
    for (String line : Cmd.pack(deletions, null)) {
      step.run(line);
    }
  }
}
