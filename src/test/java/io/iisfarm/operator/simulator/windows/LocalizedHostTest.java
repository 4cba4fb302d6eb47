package io.iisfarm.operator.simulator.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A host's language and code page: what cmd localizes, and the console code page its output is written in. */
class LocalizedHostTest {
  private static final String APPCMD = "%windir%\\system32\\inetsrv\\appcmd.exe ";

  private static WindowsHost host(String os, String options, String siteName) {
    return WindowsHost.create(HostDefinition.fromYaml("""
        name: web01
        os: %s
        options: %s
        frameworks: [{runtime: v2.0, bitness: %d}]
        sites:
          - {name: "%s", id: 2, physicalPath: 'D:\\Webs\\Übersicht'}
        """.formatted(os, options, os.equals("server2003") ? 32 : 64, siteName)));
  }

  private static String text(String consoleBytes, int codePage) {
    return new String(WindowsHost.consoleBytes(consoleBytes), CodePages.charset(codePage));
  }

  @Test
  void verNamesTheVersionInTheHostsLanguage() {
    assertThat(host("server2019", "{language: es-ES}", "Shop").run("ver").stdout())
        .isEqualTo("\r\nMicrosoft Windows [Versi\u00a2n 10.0.17763.1]\r\n"); // ó is 0xA2 in code page 850
    assertThat(text(host("server2019", "{language: es-ES}", "Shop").run("ver", 850).stdout(), 850))
        .contains("[Versión 10.0.17763.1]");
    assertThat(text(host("server2003", "{language: zh-CN}", "Shop").run("ver", 936).stdout(), 936))
        .contains("[版本 5.2.3790]");
    assertThat(text(host("server2003", "{language: ru-RU}", "Shop").run("ver", 866).stdout(), 866))
        .contains("[Версия 5.2.3790]");
    assertThat(text(host("server2019", "{language: de-DE}", "Shop").run("ver", 437).stdout(), 437))
        .contains("[Version 10.0.17763.1]");
    // a Chinese host's word has no place in code page 437: it comes out as question marks, the numbers stay
    assertThat(host("server2019", "{language: zh-CN}", "Shop").run("ver", 437).stdout())
        .contains("Microsoft Windows [?? 10.0.17763.1]");
  }

  @Test
  void cmdsOwnMessagesAreLocalizedButExitCodesAreNot() {
    CommandResult es = host("server2019", "{language: es-ES}", "Shop").run("nosuchtool & type nosuch.txt", 850);
    assertThat(text(es.stderr(), 850)).contains("\"nosuchtool\" no se reconoce como un comando interno o externo")
        .contains("El sistema no puede encontrar el archivo especificado.");
    assertThat(es.exitCode()).isEqualTo(1);
    CommandResult de = host("server2019", "{language: de-DE}", "Shop").run("nosuchtool", 850);
    assertThat(text(de.stderr(), 850)).contains("ist entweder falsch geschrieben");
    assertThat(de.exitCode()).isEqualTo(9009);
  }

  @Test
  void consoleOutputIsWrittenInTheShellsCodePageAndTypePassesBytesUnchanged() {
    WindowsHost host = host("server2019", "{}", "Café");
    String xml437 = host.run(APPCMD + "list site /xml", 437).stdout();
    assertThat(WindowsHost.consoleBytes(xml437)).containsSubsequence(new byte[] {'C', 'a', 'f', (byte) 0x82});
    assertThat(text(host.run(APPCMD + "list vdir /xml", 437).stdout(), 437)).contains("D:\\Webs\\Übersicht");
    assertThat(text(host.run(APPCMD + "list site /xml", 65001).stdout(), 65001)).contains("SITE.NAME=\"Café\"");
    assertThat(host.oemCodePage()).isEqualTo(437);
    host.run("echo Grüße> %TEMP%\\g.txt", 850);
    assertThat(host.run("type %TEMP%\\g.txt", 65001).stdout().getBytes(StandardCharsets.ISO_8859_1))
        .as("type prints the file's bytes, written in code page 850 by echo").containsExactly(
            "Grüße\r\n".getBytes(Charset.forName("IBM850")));
  }

  @Test
  void charactersTheCodePageLacksBecomeQuestionMarks() {
    WindowsHost host = host("server2019", "{language: ru-RU}", "Кафе");
    assertThat(host.oemCodePage()).isEqualTo(866);
    assertThat(host.run(APPCMD + "list site /xml", 437).stdout()).contains("SITE.NAME=\"????\"");
    assertThat(text(host.run(APPCMD + "list site /xml").stdout(), 866)).contains("SITE.NAME=\"Кафе\"");
  }

  @Test
  void utf8ConsoleOnServer2003IsNotEmulated() {
    CommandResult result = host("server2003", "{}", "Shop").run("ver", 65001);
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("simulator: not emulated: console code page 65001 on Windows Server 2003");
  }

  @Test
  void unknownOptionsAreRefusedWhenTheFileLoads() {
    assertThatThrownBy(() -> host("server2019", "{language: xx-XX}", "Shop")).hasMessageContaining("es-ES");
    assertThatThrownBy(() -> host("server2019", "{codePage: 1}", "Shop")).hasMessageContaining("code page 1");
    assertThatThrownBy(() -> host("server2019", "{windowsScriptHost: off}", "Shop")).hasMessageContaining("disabled");
  }
}
