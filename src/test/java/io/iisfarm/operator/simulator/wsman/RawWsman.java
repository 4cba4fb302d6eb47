package io.iisfarm.operator.simulator.wsman;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A hand-written WS-Man client for protocol tests: sends envelopes in pywinrm's style
 * ({@code env:} prefixes, Action late in the header) and sees every HTTP status and body as is.
 */
public final class RawWsman {
  static final String SHELL = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell";

  private final URI endpoint;
  private final String authorization;
  private Duration readTimeout = Duration.ofSeconds(30);

  public record Reply(int status, Map<String, List<String>> headers, String body) {
    Document xml() throws Exception {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      return f.newDocumentBuilder()
          .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Text of the first element with this local name, in any namespace. */
    public String text(String localName) throws Exception {
      NodeList nodes = xml().getElementsByTagNameNS("*", localName);
      return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    public String attribute(String localName, String attribute) throws Exception {
      NodeList nodes = xml().getElementsByTagNameNS("*", localName);
      return nodes.getLength() == 0 ? null : ((Element) nodes.item(0)).getAttribute(attribute);
    }
  }

  public RawWsman(URI endpoint, String username, String password) {
    this.endpoint = endpoint;
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  RawWsman readTimeout(Duration timeout) {
    this.readTimeout = timeout;
    return this;
  }

  public Reply post(String envelope) throws IOException {
    HttpURLConnection c = (HttpURLConnection) endpoint.toURL().openConnection();
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.setConnectTimeout(5_000);
    c.setReadTimeout((int) readTimeout.toMillis());
    c.setRequestProperty("Authorization", authorization);
    c.setRequestProperty("Content-Type", "application/soap+xml;charset=UTF-8");
    byte[] bytes = envelope.getBytes(StandardCharsets.UTF_8);
    // streaming mode: the JDK then never silently re-sends a POST whose connection broke
    c.setFixedLengthStreamingMode(bytes.length);
    try (OutputStream out = c.getOutputStream()) {
      out.write(bytes);
    }
    int status = c.getResponseCode();
    InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
    String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    return new Reply(status, c.getHeaderFields(), body);
  }

  public String createShell(int codepage) throws Exception {
    Reply reply = post(create(codepage));
    if (reply.status() != 200) {
      throw new IllegalStateException("Create failed: " + reply.status() + " " + reply.body());
    }
    return reply.text("Selector");
  }

  public String command(String shellId, String commandLine) throws Exception {
    Reply reply = post(command(shellId, commandLine, UUID.randomUUID()));
    if (reply.status() != 200) {
      throw new IllegalStateException("Command failed: " + reply.status() + " " + reply.body());
    }
    return reply.text("CommandId");
  }

  /** Command, then Receive until done: the command has run when this returns. */
  public Reply run(String shellId, String commandLine) throws Exception {
    String commandId = command(shellId, commandLine);
    Reply reply;
    do {
      reply = post(receive(shellId, commandId, "PT20S"));
    } while (reply.status() == 200 && !reply.attribute("CommandState", "State").endsWith("/Done"));
    return reply;
  }

  public static String create(int codepage) {
    return envelope(WsmanUris.ACTION_CREATE, null, "PT20S",
        "<w:OptionSet><w:Option Name=\"WINRS_NOPROFILE\">FALSE</w:Option>"
            + "<w:Option Name=\"WINRS_CODEPAGE\">" + codepage + "</w:Option></w:OptionSet>",
        "<rsp:Shell><rsp:InputStreams>stdin</rsp:InputStreams>"
            + "<rsp:OutputStreams>stdout stderr</rsp:OutputStreams></rsp:Shell>");
  }

  public static String command(String shellId, String commandLine, UUID messageId) {
    return envelope(WsmanUris.ACTION_COMMAND, shellId, "PT20S",
        "<w:OptionSet><w:Option Name=\"WINRS_CONSOLEMODE_STDIN\">TRUE</w:Option>"
            + "<w:Option Name=\"WINRS_SKIP_CMD_SHELL\">FALSE</w:Option></w:OptionSet>",
        "<rsp:CommandLine><rsp:Command>" + WsmanResponses.escape(commandLine)
            + "</rsp:Command></rsp:CommandLine>", messageId);
  }

  public static String receive(String shellId, String commandId, String operationTimeout) {
    return envelope(WsmanUris.ACTION_RECEIVE, shellId, operationTimeout, "",
        "<rsp:Receive><rsp:DesiredStream CommandId=\"" + commandId
            + "\">stdout stderr</rsp:DesiredStream></rsp:Receive>");
  }

  public static String signal(String shellId, String commandId) {
    return envelope(WsmanUris.ACTION_SIGNAL, shellId, "PT20S", "",
        "<rsp:Signal CommandId=\"" + commandId + "\"><rsp:Code>" + WsmanUris.SIGNAL_TERMINATE
            + "</rsp:Code></rsp:Signal>");
  }

  public static String delete(String shellId) {
    return envelope(WsmanUris.ACTION_DELETE, shellId, "PT20S", "", null);
  }

  static String envelope(String action, String shellId, String timeout, String extraHeader,
      String body) {
    return envelope(action, shellId, timeout, extraHeader, body, UUID.randomUUID());
  }

  static String envelope(String action, String shellId, String timeout, String extraHeader,
      String body, UUID messageId) {
    String selector = shellId == null ? ""
        : "<w:SelectorSet><w:Selector Name=\"ShellId\">" + shellId + "</w:Selector></w:SelectorSet>";
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
        + "<env:Envelope xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" "
        + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        + "xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\" "
        + "xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" "
        + "xmlns:b=\"http://schemas.dmtf.org/wbem/wsman/1/cimbinding.xsd\" "
        + "xmlns:n=\"http://schemas.xmlsoap.org/ws/2004/09/enumeration\" "
        + "xmlns:x=\"http://schemas.xmlsoap.org/ws/2004/09/transfer\" "
        + "xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\" "
        + "xmlns:p=\"http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd\" "
        + "xmlns:rsp=\"" + SHELL + "\" "
        + "xmlns:cfg=\"http://schemas.microsoft.com/wbem/wsman/1/config\">"
        + "<env:Header><a:To>http://windows-host:5985/wsman</a:To>"
        + "<a:ReplyTo><a:Address mustUnderstand=\"true\">"
        + "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address></a:ReplyTo>"
        + "<w:MaxEnvelopeSize mustUnderstand=\"true\">153600</w:MaxEnvelopeSize>"
        + "<a:MessageID>uuid:" + messageId + "</a:MessageID>"
        + "<w:Locale xml:lang=\"en-US\" mustUnderstand=\"false\"/>"
        + "<p:DataLocale xml:lang=\"en-US\" mustUnderstand=\"false\"/>"
        + "<w:OperationTimeout>" + timeout + "</w:OperationTimeout>"
        + "<w:ResourceURI mustUnderstand=\"true\">" + SHELL + "/cmd</w:ResourceURI>"
        + "<a:Action mustUnderstand=\"true\">" + action + "</a:Action>"
        + selector + extraHeader + "</env:Header>"
        + (body == null ? "<env:Body/>" : "<env:Body>" + body + "</env:Body>")
        + "</env:Envelope>";
  }
}
