package io.iisfarm.operator.simulator.windows;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The Windows Server releases a simulated host can run, with the facts that differ between them.
 *
 * <p>{@code ver} lines: Server 2003 is NT 5.2 build 3790, Server 2008 R2 SP1 is 6.1.7601, Server 2019
 * (version 1809) is 10.0.17763 (Microsoft Learn, "Windows Server release information"). IIS versions
 * per release: "IIS versions and their Windows releases" (learn.microsoft.com/iis).
 */
public enum OsVersion {
  SERVER2003("server2003", "Windows Server 2003", "5.2.3790", 6, 0, "C:\\WINDOWS", "5.6"),
  SERVER2008R2("server2008r2", "Windows Server 2008 R2", "6.1.7601", 7, 5, "C:\\Windows", "5.8"),
  SERVER2019("server2019", "Windows Server 2019", "10.0.17763.1", 10, 0, "C:\\Windows", "5.812");

  private final String key;
  private final String displayName;
  private final String version;
  private final int iisMajor;
  private final int iisMinor;
  private final String windir;
  private final String scriptHostVersion;

  OsVersion(String key, String displayName, String version, int iisMajor, int iisMinor, String windir,
      String scriptHostVersion) {
    this.key = key;
    this.displayName = displayName;
    this.version = version;
    this.iisMajor = iisMajor;
    this.iisMinor = iisMinor;
    this.windir = windir;
    this.scriptHostVersion = scriptHostVersion;
  }

  @JsonCreator
  public static OsVersion fromKey(String key) {
    for (OsVersion os : values()) {
      if (os.key.equals(key)) {
        return os;
      }
    }
    throw new IllegalArgumentException("os must be one of "
        + Arrays.stream(values()).map(OsVersion::key).collect(Collectors.joining(", ")) + ", not '" + key + "'");
  }

  /** The YAML value, e.g. {@code server2003}. */
  @JsonValue
  public String key() { return key; }

  public String displayName() { return displayName; }

  /** What {@code ver} prints between the blank line and the line end, on an English host. */
  public String verLine() { return Language.EN_US.verLine(version); }

  /** The version {@code ver} shows, e.g. {@code 10.0.17763.1}. */
  public String version() { return version; }

  /** IIS version string, e.g. {@code 6.0}. */
  public String iisVersion() { return iisMajor + "." + iisMinor; }

  public boolean isIis6() { return iisMajor == 6; }

  /** {@code %windir%}: upper case on Server 2003, mixed case from Vista/2008 on. */
  public String windir() { return windir; }

  /** Windows Script Host version shown in the cscript banner. */
  public String scriptHostVersion() { return scriptHostVersion; }

  /** Server 2008 R2 and later ship only as 64-bit. */
  public boolean allows32Bit() { return this == SERVER2003; }

  /** Newer certutil builds name the Win32 error after its number, e.g. {@code (WIN32: 2 ERROR_FILE_NOT_FOUND)}. */
  public boolean certutilNamesErrors() { return this == SERVER2019; }
}
