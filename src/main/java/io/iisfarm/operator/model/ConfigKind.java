package io.iisfarm.operator.model;

/** The two machine-level ASP.NET config files of one runtime and bitness. */
public enum ConfigKind {
  MACHINE_CONFIG("machine.config"),
  /** The runtime's root web.config, which overrides machine.config when it holds a machineKey. */
  ROOT_WEB_CONFIG("web.config");

  private final String fileName;

  ConfigKind(String fileName) {
    this.fileName = fileName;
  }

  public String fileName() { return fileName; }
}
