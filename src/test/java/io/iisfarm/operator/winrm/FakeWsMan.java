package io.iisfarm.operator.winrm;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * An HTTP-level script for transport tests: answers the five WS-Man shell actions with minimal, well-formed
 * responses shaped like Windows' own (see winrm4j's recorded Windows 2012 session), and lets a test replace
 * the answer to one action with an HTTP-level fault (an override returning null falls back to the default).
 * It emulates no host: the simulator does that.
 */
final class FakeWsMan extends Dispatcher {
  static final String CREATE = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Create";
  static final String COMMAND = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/Command";
  static final String RECEIVE = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/Receive";
  static final String SIGNAL = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/Signal";
  static final String DELETE = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Delete";

  private static final Pattern ACTION = Pattern.compile("<(?:\\w+:)?Action[^>]*>([^<]+)<");
  private static final Pattern MESSAGE_ID = Pattern.compile("<(?:\\w+:)?MessageID[^>]*>([^<]+)<");
  private static final Pattern COMMAND_TEXT = Pattern.compile("<(?:\\w+:)?Command>([^<]*)<");

  final Map<String, Function<RecordedRequest, MockResponse>> overrides = new ConcurrentHashMap<>();
  final CopyOnWriteArrayList<String> actions = new CopyOnWriteArrayList<>();
  final CopyOnWriteArrayList<String> commands = new CopyOnWriteArrayList<>();
  volatile String requiredAuthorization;
  volatile String stdout = "hi\r\n";
  /** When set, the output's bytes as the host writes them, answered over several Receives (one per element). */
  volatile List<byte[]> stdoutChunks;
  volatile int exitCode = 0;

  static MockResponse hang() {
    return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
  }

  static MockResponse unauthorized() {
    return new MockResponse().setResponseCode(401).addHeader("WWW-Authenticate", "Basic realm=\"WSMAN\"")
        .addHeader("WWW-Authenticate", "Negotiate");
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String body = request.getBody().readUtf8();
    String action = find(ACTION, body);
    actions.add(action);
    if (requiredAuthorization != null && !requiredAuthorization.equals(request.getHeader("Authorization"))) {
      return unauthorized();
    }
    Function<RecordedRequest, MockResponse> override = overrides.get(action);
    MockResponse overridden = override == null ? null : override.apply(request);
    if (overridden != null) {
      return overridden;
    }
    String relatesTo = find(MESSAGE_ID, body);
    return switch (action) {
      case CREATE -> soap("http://schemas.xmlsoap.org/ws/2004/09/transfer/CreateResponse", relatesTo,
          "<x:ResourceCreated><a:Address>http://host/wsman</a:Address><a:ReferenceParameters>"
              + "<w:ResourceURI>http://schemas.microsoft.com/wbem/wsman/1/windows/shell/cmd</w:ResourceURI>"
              + "<w:SelectorSet><w:Selector Name=\"ShellId\">AF161CE1-3D3F-46B7-A101-800DD70639A9</w:Selector>"
              + "</w:SelectorSet></a:ReferenceParameters></x:ResourceCreated>");
      case COMMAND -> {
        commands.add(unescape(find(COMMAND_TEXT, body)));
        yield soap(COMMAND + "Response", relatesTo,
            "<rsp:CommandResponse><rsp:CommandId>D6BF85B4-E0D0-4770-9330-F5474E967185</rsp:CommandId></rsp:CommandResponse>");
      }
      case RECEIVE -> stdoutChunks != null ? chunk(relatesTo) : soap(RECEIVE + "Response", relatesTo, "<rsp:ReceiveResponse>"
          + "<rsp:Stream Name=\"stdout\" CommandId=\"D6BF85B4-E0D0-4770-9330-F5474E967185\">"
          + Base64.getEncoder().encodeToString(stdout.getBytes(StandardCharsets.UTF_8)) + "</rsp:Stream>"
          + "<rsp:Stream Name=\"stdout\" CommandId=\"D6BF85B4-E0D0-4770-9330-F5474E967185\" End=\"true\"/>"
          + "<rsp:Stream Name=\"stderr\" CommandId=\"D6BF85B4-E0D0-4770-9330-F5474E967185\" End=\"true\"/>"
          + "<rsp:CommandState CommandId=\"D6BF85B4-E0D0-4770-9330-F5474E967185\""
          + " State=\"http://schemas.microsoft.com/wbem/wsman/1/windows/shell/CommandState/Done\">"
          + "<rsp:ExitCode>" + exitCode + "</rsp:ExitCode></rsp:CommandState></rsp:ReceiveResponse>");
      case SIGNAL -> soap(SIGNAL + "Response", relatesTo, "<rsp:SignalResponse/>");
      case DELETE -> soap("http://schemas.xmlsoap.org/ws/2004/09/transfer/DeleteResponse", relatesTo, "");
      default -> new MockResponse().setResponseCode(400);
    };
  }

  private final AtomicInteger chunksSent = new AtomicInteger();

  /** The next of {@link #stdoutChunks}: Running until the last, which carries Done and the exit code. */
  private MockResponse chunk(String relatesTo) {
    List<byte[]> chunks = stdoutChunks;
    int i = Math.min(chunksSent.getAndIncrement(), chunks.size() - 1);
    String id = "D6BF85B4-E0D0-4770-9330-F5474E967185";
    boolean last = i == chunks.size() - 1;
    String state = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/CommandState/" + (last ? "Done" : "Running");
    return soap(RECEIVE + "Response", relatesTo, "<rsp:ReceiveResponse>"
        + "<rsp:Stream Name=\"stdout\" CommandId=\"" + id + "\">" + Base64.getEncoder().encodeToString(chunks.get(i))
        + "</rsp:Stream>" + (last ? "<rsp:Stream Name=\"stdout\" CommandId=\"" + id + "\" End=\"true\"/>" : "")
        + "<rsp:CommandState CommandId=\"" + id + "\" State=\"" + state + "\">"
        + (last ? "<rsp:ExitCode>" + exitCode + "</rsp:ExitCode>" : "") + "</rsp:CommandState></rsp:ReceiveResponse>");
  }

  static MockResponse soap(String action, String relatesTo, String body) {
    return new MockResponse().setResponseCode(200)
        .setHeader("Content-Type", "application/soap+xml;charset=UTF-8")
        .setBody("<s:Envelope xml:lang=\"en-US\" xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
            + " xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\""
            + " xmlns:x=\"http://schemas.xmlsoap.org/ws/2004/09/transfer\""
            + " xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\""
            + " xmlns:rsp=\"http://schemas.microsoft.com/wbem/wsman/1/windows/shell\""
            + " xmlns:p=\"http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd\"><s:Header>"
            + "<a:Action>" + action + "</a:Action><a:MessageID>uuid:C008686A-510B-40D4-9ADA-36AB4545DDBE</a:MessageID>"
            + "<a:To>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:To>"
            + "<a:RelatesTo>" + relatesTo + "</a:RelatesTo></s:Header><s:Body>" + body + "</s:Body></s:Envelope>");
  }

  /** A WS-Man fault as Windows sends it (MS-WSMV 2.2.4.42 WSManFault in the SOAP fault detail). */
  static MockResponse wsManFault(String code, String message) {
    return new MockResponse().setResponseCode(500)
        .setHeader("Content-Type", "application/soap+xml;charset=UTF-8")
        .setBody("<s:Envelope xml:lang=\"en-US\" xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
            + " xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\""
            + " xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\"><s:Header>"
            + "<a:Action>http://schemas.dmtf.org/wbem/wsman/1/wsman/fault</a:Action>"
            + "<a:MessageID>uuid:EE71C444-1658-4B3F-916D-54CE43B68BC9</a:MessageID></s:Header><s:Body><s:Fault>"
            + "<s:Code><s:Value>s:Receiver</s:Value><s:Subcode><s:Value>w:InternalError</s:Value></s:Subcode></s:Code>"
            + "<s:Reason><s:Text xml:lang=\"en-US\">" + message + "</s:Text></s:Reason>"
            + "<s:Detail><f:WSManFault xmlns:f=\"http://schemas.microsoft.com/wbem/wsman/1/wsmanfault\" Code=\"" + code
            + "\" Machine=\"web1\"><f:Message>" + message + "</f:Message></f:WSManFault></s:Detail>"
            + "</s:Fault></s:Body></s:Envelope>");
  }

  long count(String action) {
    return actions.stream().filter(action::equals).count();
  }

  private static String find(Pattern p, String body) {
    Matcher m = p.matcher(body);
    return m.find() ? m.group(1).strip() : "";
  }

  private static String unescape(String s) {
    return s.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }
}
