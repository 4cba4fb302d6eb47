package io.iisfarm.operator.simulator.wsman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iisfarm.operator.simulator.windows.CodePages;
import io.iisfarm.operator.simulator.windows.CommandResult;
import io.iisfarm.operator.simulator.windows.CommandRunner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Requests are read by local name, whatever the client's prefixes and header order. */
class SoapRequestTest {
  @Test
  void readsPywinrmsStyle() throws Exception {
    UUID id = UUID.randomUUID();
    SoapRequest request = SoapRequest.parse(RawWsman.command("SHELL-1", "ver & echo <x>", id)
        .getBytes(StandardCharsets.UTF_8));

    assertThat(request.action()).isEqualTo(WsmanUris.ACTION_COMMAND);
    assertThat(request.messageId()).isEqualTo("uuid:" + id);
    assertThat(request.selector("ShellId")).contains("SHELL-1");
    assertThat(request.option("WINRS_SKIP_CMD_SHELL")).contains("FALSE");
    assertThat(request.operationTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(request.maxEnvelopeSize()).isEqualTo(153_600);
    assertThat(SoapRequest.child(request.bodyContent(), "Command").map(SoapRequest::text))
        .contains("ver & echo <x>");
  }

  @Test
  void readsDefaultNamespaceStyleAndUtf16() throws Exception {
    String envelope = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>"
        + "<Envelope xmlns=\"http://www.w3.org/2003/05/soap-envelope\"><Header>"
        + "<Action xmlns=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\"> "
        + WsmanUris.ACTION_RECEIVE + " </Action>"
        + "<OperationTimeout xmlns=\"" + WsmanUris.WSMAN + "\">PT60.000S</OperationTimeout>"
        + "</Header><Body><Receive xmlns=\"" + WsmanUris.SHELL + "\"><DesiredStream "
        + "CommandId=\"C1\">stdout stderr</DesiredStream></Receive></Body></Envelope>";

    SoapRequest request = SoapRequest.parse(envelope.getBytes(StandardCharsets.UTF_16));

    assertThat(request.action()).isEqualTo(WsmanUris.ACTION_RECEIVE);
    assertThat(request.operationTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(request.messageId()).isEmpty();
    assertThat(SoapRequest.child(request.bodyContent(), "DesiredStream")
        .flatMap(e -> SoapRequest.attribute(e, "CommandId"))).contains("C1");
  }

  @Test
  void refusesWhatIsNotASoapRequest() {
    assertThatThrownBy(() -> SoapRequest.parse("<a/>".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("not a SOAP envelope");
    assertThatThrownBy(() -> SoapRequest.parse(("<!DOCTYPE x [<!ENTITY e SYSTEM "
        + "\"file:///etc/passwd\">]><Envelope>&e;</Envelope>").getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SoapRequest.MalformedRequestException.class);
    assertThatThrownBy(() -> SoapRequest.parse(("<s:Envelope xmlns:s=\"" + WsmanUris.SOAP
        + "\"><s:Header/><s:Body/></s:Envelope>").getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("no Action");
  }

  @Test
  void codePagesNameTheCharsetsOfWindowsConsoles() {
    assertThat(CodePages.charset(65001)).isEqualTo(StandardCharsets.UTF_8);
    assertThat("\u00fc\u00e9".getBytes(CodePages.charset(437))).containsExactly(0x81, 0x82);
    assertThat("\u00fc\u00e9".getBytes(CodePages.charset(850))).containsExactly(0x81, 0x82);
    assertThat("\u0416".getBytes(CodePages.charset(866))).containsExactly(0x86);
    assertThat("\u65e5".getBytes(CodePages.charset(932))).containsExactly(0x93, 0xfa);
    assertThat(CodePages.find(1)).isEmpty();
  }

  @Test
  void aScriptedHostsOutputIsReencodedForTheShellsCodePage() {
    CommandRunner scripted = line -> new CommandResult(0, ScriptedWindows.console("\u00fc\u00e9"), "", false);
    assertThat(scripted.run("x", 437).stdout().getBytes(StandardCharsets.ISO_8859_1)).containsExactly(0x81, 0x82);
    assertThat(scripted.run("x", 65001).stdout().getBytes(StandardCharsets.ISO_8859_1))
        .isEqualTo("\u00fc\u00e9".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void dropFaultFiresOnceOnTheNthCommand() {
    HostFaults faults = new HostFaults().dropConnectionOnCommand(3, HostFaults.DropPoint.AFTER_RUN);
    assertThat(faults.countCommandForDrop("hostname")).isEmpty();
    assertThat(faults.countCommandForDrop("hostname")).isEmpty();
    assertThat(faults.countCommandForDrop("hostname")).contains(HostFaults.DropPoint.AFTER_RUN);
    assertThat(faults.countCommandForDrop("hostname")).isEmpty();
  }

  @Test
  void dropOnAMatchingCommandHappensOnceOnTheFirstMatch() {
    HostFaults faults = new HostFaults().dropConnectionOnCommandMatching("STOP_SERVER", HostFaults.DropPoint.AFTER_RUN);
    assertThat(faults.countCommandForDrop("cscript //nologo adsutil.vbs ENUM_ALL W3SVC")).isEmpty();
    assertThat(faults.countCommandForDrop("cscript //nologo adsutil.vbs STOP_SERVER W3SVC/3"))
        .contains(HostFaults.DropPoint.AFTER_RUN);
    assertThat(faults.countCommandForDrop("cscript //nologo adsutil.vbs STOP_SERVER W3SVC/3")).isEmpty();
  }

  @Test
  void serverConfigNeverShowsThePassword() {
    assertThat(WsmanServerConfig.https("WEB01", "Administrator", "Sup3r-Secret").toString())
        .doesNotContain("Sup3r-Secret");
  }
}
