package io.iisfarm.operator.model;

/** Bitness of a .NET Framework install, and the folder under %windir%\Microsoft.NET that holds it. */
public enum Bitness {
  B32(32, "Framework"),
  B64(64, "Framework64");

  private final int bits;
  private final String folder;

  Bitness(int bits, String folder) {
    this.bits = bits;
    this.folder = folder;
  }

  public int bits() { return bits; }

  /** Folder name under {@code %windir%\Microsoft.NET}. */
  public String folder() { return folder; }

  public static Bitness ofBits(int bits) {
    for (Bitness b : values()) {
      if (b.bits == bits) {
        return b;
      }
    }
    throw new IllegalArgumentException("bitness must be 32 or 64, not " + bits);
  }
}
