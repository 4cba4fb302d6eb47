package io.iisfarm.operator.host;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of one rollout step's backups on a host: the IIS backup and every config file backup share it,
 * e.g. {@code iisfarm_20261124T021500Z}. An underscore, not a hyphen: iisback.vbs rejects backup names with
 * characters 33-47 and 58-64 of ASCII, hyphen included (IIsBack.vbs, ValidateBackupName).
 */
public record BackupId(Instant instant) implements Comparable<BackupId> {

  public static final String PREFIX = "iisfarm_";
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final Pattern NAME = Pattern.compile("iisfarm_(\\d{8}T\\d{6}Z)");

  public BackupId {
    instant = instant.truncatedTo(ChronoUnit.SECONDS);
  }

  public static BackupId at(Instant instant) {
    return new BackupId(instant);
  }

  /** The id in a name, if the name is one of ours (an IIS backup name or a file backup's file name). */
  public static Optional<BackupId> find(String name) {
    Matcher m = NAME.matcher(name);
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.of(new BackupId(Instant.from(FORMAT.parse(m.group(1)))));
  }

  public String name() {
    return PREFIX + FORMAT.format(instant);
  }

  /** Where a config file's backup lies: beside it, e.g. {@code ...\CONFIG\machine.config.iisfarm_20261124T021500Z.bak}. */
  public String fileBackupPath(String path) {
    return path + "." + name() + ".bak";
  }

  @Override
  public int compareTo(BackupId other) {
    return instant.compareTo(other.instant);
  }

  @Override
  public String toString() {
    return name();
  }
}
