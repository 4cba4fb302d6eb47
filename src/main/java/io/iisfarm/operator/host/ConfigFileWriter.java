package io.iisfarm.operator.host;

import io.iisfarm.operator.model.ConfigLocation;
import io.iisfarm.operator.model.MachineKeySetting;
import io.iisfarm.operator.winrm.CommandOutput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes a config file's new bytes with cmd and certutil only: base64 lines echoed into a temp file under
 * %TEMP% (each command line under cmd's limit), decoded in place with {@code certutil -f -decode}, read back
 * with {@code certutil -encode} and compared byte for byte; the old file is first copied beside itself.
 */
final class ConfigFileWriter {

  /**
   * Characters of base64 per echoed line: long lines keep the number of %TEMP% expansions (and so of
   * commands) low; certutil -decode reads base64 whatever the line length.
   */
  static final int LINE = 1000;

  private ConfigFileWriter() {}

  static ConfigWrite write(Step step, ConfigLocation location, MachineKeySetting desired, BackupId id) {
    String host = step.host();
    String path = HostReadCommand.path(location);
    byte[] current = readFile(step, path, "read " + path);
    if (current == null) {
      throw new ConfigEditException(host, location.label() + " does not exist at " + path);
    }
    ConfigXml.Parsed before;
    byte[] edited;
    try {
      before = ConfigXml.parse(current, location.runtime());
      edited = MachineKeyEditor.apply(current, desired, location.runtime());
    } catch (IllegalArgumentException e) {
      throw new ConfigEditException(host, "cannot edit " + location.label() + ": " + e.getMessage());
    }
    String fingerprintBefore = before.machineKey() == null ? "none" : before.machineKey().fingerprint();
    if (Arrays.equals(current, edited)) {
      return new ConfigWrite(location, path, false, null, fingerprintBefore, fingerprintBefore, step.commands());
    }
    String backup = id.fileBackupPath(path);
    // a second write in the same step keeps the first backup: it holds the file as it was before the step
    step.runChecked("(if not exist " + Cmd.quote(backup) + " copy /Y " + Cmd.quote(path) + " " + Cmd.quote(backup) + ")");

    String temp = Cmd.tempFile("write");
    List<String> lines = writeCommands(edited, temp);
    for (int i = 0; i < lines.size(); i++) {
      step.run("write base64 part " + (i + 1) + "/" + lines.size() + " of " + path + " to " + temp, lines.get(i))
          .requireSuccess(host, "writing the new " + location.label() + " to " + temp);
    }
    CommandOutput decoded = step.run("certutil -f -decode " + Cmd.quote(temp) + " " + Cmd.quote(path)
        + " && del " + Cmd.quote(temp));
    byte[] readBack = readFile(step, path, "read back " + path);
    if (decoded.succeeded() && Arrays.equals(readBack, edited)) {
      return new ConfigWrite(location, path, true, backup, fingerprintBefore, desired.fingerprint(), step.commands());
    }
    if (!decoded.succeeded()) {
      step.run("del " + Cmd.quote(temp));
    }
    step.run("copy /Y " + Cmd.quote(backup) + " " + Cmd.quote(path));
    boolean restored = Arrays.equals(readFile(step, path, "read back restored " + path), current);
    String what = decoded.succeeded() ? "the file read back differs from what was written"
        : "certutil -decode failed with exit code " + decoded.exitCode();
    throw new VerificationFailedException(host, "writing " + location.label() + ": " + what, restored);
  }

  /** The file's exact bytes, or null when it does not exist. */
  static byte[] readFile(Step step, String path, String action) {
    String line = Cmd.join(List.of(Sections.echo("file"), Cmd.printFileBase64(path, Cmd.tempFile("read")),
        Sections.echo(HostReadCommand.END)));
    CommandOutput output = step.run(action + " (certutil -encode)", line);
    Map<String, Sections.Part> parts = Sections.byName(output.stdout());
    if (!parts.containsKey("file") || !parts.containsKey(HostReadCommand.END)) {
      throw new io.iisfarm.operator.winrm.WinRmProtocolException(step.host(), "file",
          "the read of " + path + " was cut short", null);
    }
    return FilePart.read(step.host(), parts.get("file"), path);
  }

  /** Command lines that build the certutil base64 form of {@code content} in {@code temp}. */
  static List<String> writeCommands(byte[] content, String temp) {
    String target = Cmd.quote(temp);
    List<String> echoes = new ArrayList<>();
    echoes.add("echo " + CertutilBase64.BEGIN + ">" + target);
    for (String line : CertutilBase64.lines(content, LINE)) {
      boolean digitLast = Character.isDigit(line.charAt(line.length() - 1));
      echoes.add("echo " + line + (digitLast ? " " : "") + ">>" + target);
    }
    echoes.add("echo " + CertutilBase64.END + ">>" + target);
    List<String> commands = Cmd.pack(echoes, null);
    return commands;
  }
}
