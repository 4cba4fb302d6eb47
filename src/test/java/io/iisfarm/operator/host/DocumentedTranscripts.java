package io.iisfarm.operator.host;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iisfarm.operator.transcript.CodePages;
import io.iisfarm.operator.transcript.CommandKey;
import io.iisfarm.operator.transcript.Transcript;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The hand-made transcripts of src/test/resources/transcripts ({@code documented-*}): each host's answer to the
 * read, put together from outputs that Microsoft's documentation or public captures show, each piece with its
 * source (docs/transcripts.md, "Seed transcripts"). The hosts are reached over plain http, as a read without config
 * files: what such a read sends (one command) and what each program in it prints is all a transcript needs.
 */
public final class DocumentedTranscripts {

  /**
   * Writes the hand-made transcripts into src/test/resources/transcripts, to be read and committed:
   * {@code mvn -B test-compile exec:java -Dexec.classpathScope=test
   * -Dexec.mainClass=io.iisfarm.operator.host.DocumentedTranscripts}.
   */
  public static void main(String[] args) throws java.io.IOException {
    java.nio.file.Path corpus = java.nio.file.Path.of("src/test/resources/transcripts");
    String at = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    for (Recipe r : RECIPES) {
      io.iisfarm.operator.transcript.TranscriptFile.write(build(r, at),
          corpus.resolve(r.file() + io.iisfarm.operator.transcript.TranscriptFile.SUFFIX));
    }
  }
  static final String CRLF = "\r\n";

  /** One host: what each program of the read printed, and what the farm wanted of it. */
  record Recipe(String file, String hostname, String ver, List<String> tools, String sitesXml, String vdirsXml,
      String metabase, List<String> runtimes, String redirectionConfig, List<String> wantedSites,
      String description, List<String> references) {}

  private DocumentedTranscripts() {}

  /** {@code ver}: a blank line, then the version line (Microsoft Learn, "ver"). */
  static String ver(String line) {
    return CRLF + line + CRLF;
  }

  /** {@code appcmd list site /xml} ("Getting Started with AppCmd.exe": SITE objects and their attributes, /xml). */
  static String sites(String... sites) {
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + CRLF + "<appcmd>" + CRLF);
    for (String site : sites) {
      out.append("    ").append(site).append(CRLF);
    }
    return out.append("</appcmd>").append(CRLF).toString();
  }

  /** The default redirection.config of IIS 7 and later: the section declared, redirection off ([20]). */
  static final String DEFAULT_REDIRECTION = "<configuration>" + CRLF + CRLF
      + "    <configSections>" + CRLF
      + "        <section name=\"configurationRedirection\" />" + CRLF
      + "    </configSections>" + CRLF + CRLF
      + "    <configurationRedirection />" + CRLF + CRLF
      + "</configuration>" + CRLF;

  static final List<Recipe> RECIPES = List.of(
      new Recipe("documented-iis60-server2003", "WEB6", ver("Microsoft Windows [Version 5.2.3790]"),
          List.of("adsutil", "metabase"), null, null,
          // adsutil.vbs ENUM_ALL: "[/W3SVC/<id>]" keys and "Name : (TYPE) value" lines, lists one item a line
          String.join(CRLF,
              "KeyType                         : (STRING) \"IIsWebService\"",
              "[/W3SVC/1]",
              "KeyType                         : (STRING) \"IIsWebServer\"",
              "ServerState                     : (INTEGER) 2",
              "ServerComment                   : (STRING) \"Default Web Site\"",
              "ServerAutoStart                 : (BOOLEAN) True",
              "ServerBindings                  : (LIST) (1 Items)",
              "  \":80:\"",
              "",
              "[/W3SVC/1/ROOT]",
              "KeyType                         : (STRING) \"IIsWebVirtualDir\"",
              "Path                            : (STRING) \"c:\\inetpub\\wwwroot\"",
              "AppRoot                         : (STRING) \"/LM/W3SVC/1/Root\"",
              "",
              "[/W3SVC/1117]",
              "KeyType                         : (STRING) \"IIsWebServer\"",
              "ServerState                     : (INTEGER) 4",
              "ServerComment                   : (STRING) \"Intranet\"",
              "ServerAutoStart                 : (BOOLEAN) False",
              "ServerBindings                  : (LIST) (1 Items)",
              "  \":8080:\"",
              "",
              "[/W3SVC/1117/ROOT]",
              "KeyType                         : (STRING) \"IIsWebVirtualDir\"",
              "Path                            : (STRING) \"c:\\inetpub\\intranet\"",
              "AppRoot                         : (STRING) \"/LM/W3SVC/1117/Root\"",
              "") + CRLF,
          List.of("v2.0/32"), null, List.of("Default Web Site:1", "Intranet:2"),
          "Windows Server 2003 with IIS 6.0 and .NET 2.0: the Default Web Site and a second site on the ID IIS 6.0"
              + " gave it, one of them stopped",
          List.of("ver: learn.microsoft.com/windows-server/administration/windows-commands/ver; 5.2.3790 is Windows"
                  + " Server 2003 (Operating System Version, learn.microsoft.com/windows/win32/sysinfo/operating-system-version)",
              "adsutil.vbs ENUM_ALL output: Using the Adsutil.vbs Administration Script,"
                  + " learn.microsoft.com/previous-versions/windows/it-pro/windows-server-2003/cc781546(v=ws.10)",
              "ServerState 2 started, 4 stopped: learn.microsoft.com/previous-versions/iis/6.0-sdk/ms524905(v=vs.90)",
              "AppRoot /LM/W3SVC/<id>/Root: learn.microsoft.com/previous-versions/windows/it-pro/windows-server-2003/cc782938(v=ws.10)")),
      new Recipe("documented-iis75-server2008r2", "WEB75", ver("Microsoft Windows [Version 6.1.7601]"),
          List.of("appcmd"),
          sites("<SITE SITE.NAME=\"Default Web Site\" SITE.ID=\"1\" bindings=\"http/*:80:\" state=\"Started\" />",
              "<SITE SITE.NAME=\"Shop\" SITE.ID=\"3\" bindings=\"http/*:80:shop.contoso.com\" state=\"Started\" />"),
          sites("<VDIR VDIR.NAME=\"Default Web Site/\" APP.NAME=\"Default Web Site/\" path=\"/\""
                  + " physicalPath=\"%SystemDrive%\\inetpub\\wwwroot\" />",
              "<VDIR VDIR.NAME=\"Shop/\" APP.NAME=\"Shop/\" path=\"/\" physicalPath=\"C:\\inetpub\\shop\" />"),
          null, List.of("v2.0/32", "v2.0/64", "v4.0/32", "v4.0/64"), DEFAULT_REDIRECTION,
          List.of("Default Web Site:1", "Shop:2"),
          "Windows Server 2008 R2 SP1 with IIS 7.5, .NET 2.0 and 4.0 in both bitnesses; site Shop on ID 3",
          appcmdReferences("6.1.7601 is Windows Server 2008 R2 SP1")),
      new Recipe("documented-iis85-server2012r2", "WEB85", ver("Microsoft Windows [Version 6.3.9600]"),
          List.of("appcmd"),
          sites("<SITE SITE.NAME=\"Default Web Site\" SITE.ID=\"1\" bindings=\"http/*:80:\" state=\"Stopped\" />",
              "<SITE SITE.NAME=\"Shop\" SITE.ID=\"2\" bindings=\"http/*:80:shop.contoso.com,https/*:443:\" state=\"Started\" />"),
          sites("<VDIR VDIR.NAME=\"Default Web Site/\" APP.NAME=\"Default Web Site/\" path=\"/\""
                  + " physicalPath=\"%SystemDrive%\\inetpub\\wwwroot\" />",
              "<VDIR VDIR.NAME=\"Shop/\" APP.NAME=\"Shop/\" path=\"/\" physicalPath=\"C:\\inetpub\\shop\" />"),
          null, List.of("v2.0/32", "v2.0/64", "v4.0/32", "v4.0/64"), DEFAULT_REDIRECTION,
          List.of("Default Web Site:1", "Shop:2"),
          "Windows Server 2012 R2 with IIS 8.5: site Shop on the ID the farm wants, Default Web Site stopped",
          appcmdReferences("6.3.9600 is Windows Server 2012 R2")),
      new Recipe("documented-iis100-server2016", "WEB10", ver("Microsoft Windows [Version 10.0.14393]"),
          List.of("appcmd"),
          sites("<SITE SITE.NAME=\"Default Web Site\" SITE.ID=\"1\" bindings=\"http/*:80:\" state=\"Started\" />",
              "<SITE SITE.NAME=\"Shop\" SITE.ID=\"2\" bindings=\"http/*:80:shop.contoso.com\" state=\"Started\" />",
              "<SITE SITE.NAME=\"Api\" SITE.ID=\"4\" bindings=\"http/*:80:api.contoso.com\" state=\"Started\" />"),
          sites("<VDIR VDIR.NAME=\"Default Web Site/\" APP.NAME=\"Default Web Site/\" path=\"/\""
                  + " physicalPath=\"%SystemDrive%\\inetpub\\wwwroot\" />",
              "<VDIR VDIR.NAME=\"Shop/\" APP.NAME=\"Shop/\" path=\"/\" physicalPath=\"C:\\inetpub\\shop\" />",
              "<VDIR VDIR.NAME=\"Api/\" APP.NAME=\"Api/\" path=\"/\" physicalPath=\"C:\\inetpub\\api\" />"),
          null, List.of("v4.0/32", "v4.0/64"), DEFAULT_REDIRECTION, List.of("Shop:2", "Api:3"),
          "Windows Server 2016 with IIS 10.0 and .NET 4: site Api on ID 4 where the farm wants 3",
          appcmdReferences("10.0.14393 is Windows Server 2016")),
      new Recipe("documented-localized-es-server2019", "SRVWEB01",
          ver("Microsoft Windows [Versi\u00f3n 10.0.17763.1879]"), List.of("appcmd"),
          sites("<SITE SITE.NAME=\"Default Web Site\" SITE.ID=\"1\" bindings=\"http/*:80:\" state=\"Started\" />"),
          sites("<VDIR VDIR.NAME=\"Default Web Site/\" APP.NAME=\"Default Web Site/\" path=\"/\""
              + " physicalPath=\"%SystemDrive%\\inetpub\\wwwroot\" />"),
          null, List.of("v4.0/32", "v4.0/64"), DEFAULT_REDIRECTION, List.of("Default Web Site:1"),
          "a Spanish Windows Server 2019 with IIS 10.0: ver says Versi\u00f3n, written in the shell's code page 437"
              + " (the o with acute accent is byte A2); appcmd keeps English",
          appcmdReferences("the Spanish ver line verbatim: 0xdf, \"HTB: PivotAPI\","
              + " 0xdf.gitlab.io/2021/11/06/htb-pivotapi.html; code page 437 holds the accented o"
              + " (learn.microsoft.com/windows/win32/intl/code-page-identifiers)")));

  private static List<String> appcmdReferences(String release) {
    return List.of("ver: learn.microsoft.com/windows-server/administration/windows-commands/ver; " + release
            + " (Operating System Version, learn.microsoft.com/windows/win32/sysinfo/operating-system-version)",
        "appcmd list site /xml and list vdir /xml (SITE and VDIR objects, their attributes):"
            + " learn.microsoft.com/iis/get-started/getting-started-with-iis/getting-started-with-appcmdexe",
        "redirection.config and <configurationRedirection>: learn.microsoft.com/iis/configuration/configurationredirection",
        "certutil -encode layout (BEGIN/END CERTIFICATE lines, 64-character lines):"
            + " learn.microsoft.com/windows-server/administration/windows-commands/certutil");
  }

  /** The transcript of one recipe: the read command line (temp file token normalised) and its output. */
  static Transcript build(Recipe r, String recordedAt) {
    String line = CommandKey.of(HostReadCommand.build(false, Cmd.tempFile("read")));
    StringBuilder out = new StringBuilder();
    out.append("==iisfarm:ver== ").append(CRLF).append(r.ver());
    out.append("==iisfarm:hostname== ").append(CRLF).append(r.hostname()).append(CRLF);
    out.append("==iisfarm:@hostname:0==").append(CRLF);
    out.append("==iisfarm:tools== ").append(CRLF);
    r.tools().forEach(t -> out.append(t).append(CRLF));
    out.append("==iisfarm:sites== ").append(CRLF);
    if (r.sitesXml() != null) {
      out.append(r.sitesXml()).append("==iisfarm:@appcmd:0==").append(CRLF);
    }
    out.append("==iisfarm:vdirs== ").append(CRLF);
    if (r.vdirsXml() != null) {
      out.append(r.vdirsXml()).append("==iisfarm:@appcmd:0==").append(CRLF);
    }
    out.append("==iisfarm:metabase== ").append(CRLF);
    if (r.metabase() != null) {
      out.append(r.metabase()).append("==iisfarm:@cscript:0==").append(CRLF);
    }
    out.append("==iisfarm:runtimes== ").append(CRLF);
    r.runtimes().forEach(t -> out.append(t).append(CRLF));
    out.append("==iisfarm:redirection== ").append(CRLF);
    if (r.redirectionConfig() == null) {
      out.append("==iisfarm:@absent==").append(CRLF);
    } else {
      out.append("==iisfarm:@certutil:0==").append(CRLF).append(certutil(r.redirectionConfig()));
    }
    out.append("==iisfarm:end==").append(CRLF);
    byte[] stdout = out.toString().getBytes(CodePages.charset(437));
    ObjectNode farm = JsonNodeFactory.instance.objectNode();
    var sites = farm.putArray("sites");
    for (String s : r.wantedSites()) {
      int colon = s.lastIndexOf(':');
      sites.addObject().put("name", s.substring(0, colon)).put("id", Long.parseLong(s.substring(colon + 1)));
    }
    farm.put("allowKeyTransferOverHttp", false);
    Transcript.Header header = new Transcript.Header("hand-made", recordedAt,
        new Transcript.Source("documented", r.description(), r.references()),
        new Transcript.Host(r.hostname(), "http", "ntlm", 437), null, farm,
        new Transcript.Redactions(false, List.of("nothing: every output is built from published examples"),
            List.of()));
    return new Transcript(header, List.of(new Transcript.Command(line, 0, stdout, new byte[0], false)));
  }

  /** What {@code certutil -encode} writes for {@code text}'s UTF-8 bytes: header, 64-character lines, footer. */
  static String certutil(String text) {
    String all = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    List<String> lines = new ArrayList<>();
    lines.add("-----BEGIN CERTIFICATE-----");
    for (int i = 0; i < all.length(); i += 64) {
      lines.add(all.substring(i, Math.min(all.length(), i + 64)));
    }
    lines.add("-----END CERTIFICATE-----");
    return String.join(CRLF, lines) + CRLF;
  }
}
