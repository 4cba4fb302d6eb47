package io.iisfarm.operator.simulator.wsman;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shell protocol's rules and Windows' fault bodies, seen at the HTTP level. */
class WsmanProtocolIT {
  private static WsmanRuntime runtime;
  private ScriptedWindows windows;
  private WsmanServer server;
  private RawWsman client;

  @BeforeAll
  static void startRuntime() {
    runtime = WsmanRuntime.create();
  }

  @AfterAll
  static void stopRuntime() {
    runtime.close();
  }

  @BeforeEach
  void start() {
    windows = new ScriptedWindows();
    server = new WsmanServer(WsmanServerConfig.http("WEB01", "Administrator", "pw")
        .withMaxShellsPerUser(2), windows, runtime, null).start();
    client = new RawWsman(server.endpoint(), "Administrator", "pw");
  }

  @AfterEach
  void stop() {
    windows.releaseWaiting();
    server.close();
  }

  @Test
  void fullShellLifecycleRelatesEveryReplyToItsRequest() throws Exception {
    String shellId = client.createShell(437);
    UUID messageId = UUID.randomUUID();
    RawWsman.Reply command = client.post(RawWsman.command(shellId, "echo hi", messageId));
    String commandId = command.text("CommandId");
    RawWsman.Reply receive = client.post(RawWsman.receive(shellId, commandId, "PT20S"));
    RawWsman.Reply signal = client.post(RawWsman.signal(shellId, commandId));
    RawWsman.Reply delete = client.post(RawWsman.delete(shellId));

    assertThat(shellId).matches("[0-9A-F-]{36}");
    assertThat(command.text("RelatesTo")).isEqualTo("uuid:" + messageId);
    assertThat(command.text("Action")).isEqualTo(RawWsman.SHELL + "/CommandResponse");
    assertThat(receive.status()).isEqualTo(200);
    assertThat(receive.attribute("CommandState", "State"))
        .isEqualTo(RawWsman.SHELL + "/CommandState/Done");
    assertThat(receive.text("ExitCode")).isEqualTo("0");
    assertThat(new String(Base64.getDecoder().decode(receive.text("Stream")),
        StandardCharsets.US_ASCII)).isEqualTo("hi\r\n");
    assertThat(signal.text("Action")).isEqualTo(RawWsman.SHELL + "/SignalResponse");
    assertThat(delete.text("Action"))
        .isEqualTo("http://schemas.xmlsoap.org/ws/2004/09/transfer/DeleteResponse");
    assertThat(receive.headers().get("Content-Type"))
        .containsExactly("application/soap+xml;charset=UTF-8");
    assertThat(server.counters().shellsOpen()).isZero();
  }

  @Test
  void envelopeWithDefaultNamespacesAndActionFirstIsTheSameMessage() throws Exception {
    // CXF's style: no prefixes on WS-Addressing headers, Action first, SOAP prefix "soap"
    String create = "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\">"
        + "<soap:Header><Action xmlns=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\">"
        + "http://schemas.xmlsoap.org/ws/2004/09/transfer/Create</Action>"
        + "<MessageID xmlns=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\">"
        + "urn:uuid:0f3c8d2e-0000-4000-8000-000000000001</MessageID>"
        + "<ns3:ResourceURI xmlns:ns3=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\">"
        + RawWsman.SHELL + "/cmd</ns3:ResourceURI>"
        + "<ns3:OptionSet xmlns:ns3=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\">"
        + "<ns3:Option Name=\"WINRS_CODEPAGE\">65001</ns3:Option></ns3:OptionSet>"
        + "</soap:Header><soap:Body><ns4:Shell xmlns:ns4=\"" + RawWsman.SHELL + "\">"
        + "<ns4:InputStreams>stdin</ns4:InputStreams></ns4:Shell></soap:Body></soap:Envelope>";

    RawWsman.Reply reply = client.post(create);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.text("RelatesTo")).isEqualTo("urn:uuid:0f3c8d2e-0000-4000-8000-000000000001");
    assertThat(reply.text("Selector")).matches("[0-9A-F-]{36}");
    assertThat(reply.text("ShellId")).isEqualTo(reply.text("Selector"));
  }

  @Test
  void unknownShellIsAnInvalidSelectorsFaultNamingTheShell() throws Exception {
    String shellId = UUID.randomUUID().toString().toUpperCase();

    RawWsman.Reply reply = client.post(RawWsman.command(shellId, "ver", UUID.randomUUID()));

    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.text("Action")).isEqualTo("http://schemas.dmtf.org/wbem/wsman/1/wsman/fault");
    assertThat(reply.xml().getElementsByTagNameNS("*", "Value").item(0).getTextContent())
        .isEqualTo("s:Sender");
    assertThat(reply.xml().getElementsByTagNameNS("*", "Value").item(1).getTextContent())
        .isEqualTo("w:InvalidSelectors");
    assertThat(reply.attribute("WSManFault", "Code")).isEqualTo("2150858843");
    assertThat(reply.attribute("WSManFault", "Machine")).isEqualTo("WEB01");
    assertThat(reply.text("Message")).isEqualTo("The request for the Windows Remote Shell with "
        + "ShellId " + shellId + " failed because the shell was not found on the server. Possible "
        + "causes are: the specified ShellId is incorrect or the shell no longer exists on the "
        + "server. Provide the correct ShellId or create a new shell and retry the operation. ");
    assertThat(windows.changes()).isZero();
    assertThat(server.journal().entries()).isEmpty();
  }

  @Test
  void shellsBeyondMaxShellsPerUserGetAQuotaLimitFault() throws Exception {
    String first = client.createShell(437);
    client.createShell(437);

    RawWsman.Reply third = client.post(RawWsman.create(437));

    assertThat(third.status()).isEqualTo(500);
    assertThat(third.xml().getElementsByTagNameNS("*", "Value").item(1).getTextContent())
        .isEqualTo("w:QuotaLimit");
    assertThat(third.attribute("WSManFault", "Code")).isEqualTo("2150859173");
    assertThat(third.text("Message")).isEqualTo("The WS-Management service cannot process the "
        + "request. This user is allowed a maximum number of 2 concurrent shells, which has been "
        + "exceeded. Close existing shells or raise the quota for this user. ");
    assertThat(server.counters().shellsOpen()).isEqualTo(2);

    client.post(RawWsman.delete(first));
    assertThat(client.post(RawWsman.create(437)).status()).isEqualTo(200);
    assertThat(server.counters().maxShellsOpen()).isEqualTo(2);
  }

  @Test
  void receiveBeforeOutputIsReadyTimesOutAsWindowsDoesAndCanBeRetried() throws Exception {
    String shellId = client.createShell(437);
    String commandId = client.command(shellId, "wait");

    RawWsman.Reply early = client.post(RawWsman.receive(shellId, commandId, "PT0.5S"));
    windows.releaseWaiting();
    RawWsman.Reply later = client.post(RawWsman.receive(shellId, commandId, "PT20S"));

    assertThat(early.status()).isEqualTo(500);
    assertThat(early.xml().getElementsByTagNameNS("*", "Value").item(1).getTextContent())
        .isEqualTo("w:TimedOut");
    assertThat(early.attribute("WSManFault", "Code")).isEqualTo("2150858793");
    assertThat(later.status()).isEqualTo(200);
    assertThat(later.attribute("CommandState", "State")).endsWith("/CommandState/Done");
  }

  @Test
  void terminatedCommandIsGone() throws Exception {
    String shellId = client.createShell(437);
    String commandId = client.command(shellId, "ver");
    client.post(RawWsman.signal(shellId, commandId));

    RawWsman.Reply reply = client.post(RawWsman.receive(shellId, commandId, "PT20S"));

    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.text("Message")).startsWith("The Windows Remote Shell received a request to "
        + "perform an operation on a command identifier that does not exist.");
  }

  @Test
  void actionsOutsideTheShellAreNotSupported() throws Exception {
    RawWsman.Reply reply = client.post(RawWsman.envelope(
        "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate", null, "PT20S", "",
        "<n:Enumerate/>"));

    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.xml().getElementsByTagNameNS("*", "Value").item(1).getTextContent())
        .isEqualTo("a:ActionNotSupported");
  }

  @Test
  void garbageIsABadRequest() throws Exception {
    assertThat(client.post("<not-soap").status()).isEqualTo(400);
  }
}
