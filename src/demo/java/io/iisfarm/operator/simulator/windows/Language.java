package io.iisfarm.operator.simulator.windows;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The display language of a simulated Windows host: what cmd.exe localizes (the word in {@code ver}'s line,
 * its own messages and the system messages it prints) and the host's OEM code page, the console code page of
 * a shell created without {@code WINRS_CODEPAGE} (Microsoft Learn, "chcp" and "Code Page Identifiers").
 * Sources of each text in docs/simulator.md; the tools (certutil, appcmd, adsutil) keep English here.
 */
public enum Language {
  EN_US("en-US", 437, "Version",
      "'%s' is not recognized as an internal or external command,\r\noperable program or batch file.",
      "The system cannot find the file specified.", "The system cannot find the path specified.",
      "Access is denied."),
  DE_DE("de-DE", 850, "Version",
      "Der Befehl \"%s\" ist entweder falsch geschrieben oder\r\nkonnte nicht gefunden werden.",
      "Das System kann die angegebene Datei nicht finden.", "Das System kann den angegebenen Pfad nicht finden.",
      "Zugriff verweigert"),
  ES_ES("es-ES", 850, "Versión",
      "\"%s\" no se reconoce como un comando interno o externo,\r\nprograma o archivo por lotes ejecutable.",
      "El sistema no puede encontrar el archivo especificado.",
      "El sistema no puede encontrar la ruta especificada.", "Acceso denegado."),
  FR_FR("fr-FR", 850, "version",
      "'%s' n’est pas reconnu en tant que commande interne\r\nou externe, un programme exécutable ou un fichier de"
          + " commandes.",
      "Le fichier spécifié est introuvable.", "Le chemin d’accès spécifié est introuvable.", "Accès refusé."),
  RU_RU("ru-RU", 866, "Версия",
      "\"%s\" не является внутренней или внешней\r\nкомандой, исполняемой программой или пакетным файлом.",
      "Не удается найти указанный файл.", "Системе не удается найти указанный путь.", "Отказано в доступе."),
  JA_JP("ja-JP", 932, "Version",
      "'%s' は、内部コマンドまたは外部コマンド、\r\n操作可能なプログラムまたはバッチ ファイルとして認識されていません。",
      "指定されたファイルが見つかりません。", "指定されたパスが見つかりません。", "アクセスが拒否されました。"),
  ZH_CN("zh-CN", 936, "版本", "'%s' 不是内部或外部命令，也不是可运行的程序\r\n或批处理文件。",
      "系统找不到指定的文件。", "系统找不到指定的路径。", "拒绝访问。");

  private final String tag;
  private final int oemCodePage;
  private final String versionWord;
  private final String notRecognized;
  private final String fileNotFound;
  private final String pathNotFound;
  private final String accessDenied;

  Language(String tag, int oemCodePage, String versionWord, String notRecognized, String fileNotFound,
      String pathNotFound, String accessDenied) {
    this.tag = tag;
    this.oemCodePage = oemCodePage;
    this.versionWord = versionWord;
    this.notRecognized = notRecognized;
    this.fileNotFound = fileNotFound;
    this.pathNotFound = pathNotFound;
    this.accessDenied = accessDenied;
  }

  @JsonCreator
  public static Language fromTag(String tag) {
    for (Language language : values()) {
      if (language.tag.equalsIgnoreCase(tag)) {
        return language;
      }
    }
    throw new IllegalArgumentException("language must be one of "
        + Arrays.stream(values()).map(Language::tag).collect(Collectors.joining(", ")) + ", not '" + tag + "'");
  }

  @JsonValue
  public String tag() { return tag; }

  /** The OEM code page: 437 en-US, 850 Western Europe, 866 Russian, 932 Japanese, 936 Simplified Chinese. */
  public int oemCodePage() { return oemCodePage; }

  /** {@code ver}'s line, e.g. {@code Microsoft Windows [Versión 10.0.17763.1]}. */
  String verLine(String version) {
    return "Microsoft Windows [" + versionWord + " " + version + "]";
  }

  /** cmd's two lines for a program it cannot find (ERRORLEVEL 9009), with {@code typed} as typed. */
  String notRecognized(String typed) {
    return String.format(notRecognized, typed);
  }

  /** The system message cmd prints for a Win32 error; errors without a translation here keep English. */
  String message(Win32Error error) {
    return switch (error) {
      case FILE_NOT_FOUND -> fileNotFound;
      case PATH_NOT_FOUND -> pathNotFound;
      case ACCESS_DENIED -> accessDenied;
      default -> error.message();
    };
  }
}
