package io.iisfarm.operator.simulator.wsman;

import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * Response envelopes in the shape Windows sends them (compact, {@code s:}/{@code a:}/{@code w:}/
 * {@code rsp:} prefixes, RelatesTo echoing the request's MessageID), as recorded from real hosts in
 * pywinrm's test fixtures and MS-WSMV section 4 examples.
 */
final class WsmanResponses {
  private WsmanResponses() {}

  static String createResponse(String relatesTo, String endpoint, ShellSession shell,
      boolean withShellBody) {
    StringBuilder body = new StringBuilder()
        .append("<x:ResourceCreated><a:Address>").append(escape(endpoint)).append("</a:Address>")
        .append("<a:ReferenceParameters><w:ResourceURI>").append(WsmanUris.CMD_RESOURCE)
        .append("</w:ResourceURI><w:SelectorSet><w:Selector Name=\"ShellId\">").append(shell.id())
        .append("</w:Selector></w:SelectorSet></a:ReferenceParameters></x:ResourceCreated>");
    if (withShellBody) {
      // Windows Server 2012 and later also return the shell's properties (MS-WSMV 2.2.4.37)
      body.append("<rsp:Shell xmlns:rsp=\"").append(WsmanUris.SHELL).append("\">")
          .append("<rsp:ShellId>").append(shell.id()).append("</rsp:ShellId>")
          .append("<rsp:ResourceUri>").append(WsmanUris.CMD_RESOURCE).append("</rsp:ResourceUri>")
          .append("<rsp:Owner>").append(escape(shell.owner())).append("</rsp:Owner>")
          .append("<rsp:ClientIP>").append(escape(shell.clientIp())).append("</rsp:ClientIP>")
          .append("<rsp:IdleTimeOut>PT7200.000S</rsp:IdleTimeOut>")
          .append("<rsp:InputStreams>stdin</rsp:InputStreams>")
          .append("<rsp:OutputStreams>stdout stderr</rsp:OutputStreams>")
          .append("<rsp:ShellRunTime>P0DT0H0M0S</rsp:ShellRunTime>")
          .append("<rsp:ShellInactivity>P0DT0H0M0S</rsp:ShellInactivity></rsp:Shell>");
    }
    return envelope(WsmanUris.TRANSFER + "/CreateResponse", relatesTo, body.toString());
  }

  static String commandResponse(String relatesTo, String commandId) {
    return envelope(WsmanUris.SHELL + "/CommandResponse", relatesTo,
        "<rsp:CommandResponse><rsp:CommandId>" + commandId + "</rsp:CommandId></rsp:CommandResponse>");
  }

  /**
   * One Receive answer: the output chunks, then either the Running state or, with the last chunk,
   * the {@code End="true"} stream markers and {@code CommandState/Done} with the exit code.
   */
  static String receiveResponse(String relatesTo, String commandId, byte[] stdout, byte[] stderr,
      boolean done, int exitCode) {
    StringBuilder body = new StringBuilder("<rsp:ReceiveResponse>");
    appendStream(body, "stdout", commandId, stdout);
    appendStream(body, "stderr", commandId, stderr);
    if (done) {
      body.append("<rsp:Stream Name=\"stdout\" CommandId=\"").append(commandId)
          .append("\" End=\"true\"></rsp:Stream>")
          .append("<rsp:Stream Name=\"stderr\" CommandId=\"").append(commandId)
          .append("\" End=\"true\"></rsp:Stream>")
          .append("<rsp:CommandState CommandId=\"").append(commandId).append("\" State=\"")
          .append(WsmanUris.COMMAND_STATE_DONE).append("\"><rsp:ExitCode>").append(exitCode)
          .append("</rsp:ExitCode></rsp:CommandState>");
    } else {
      body.append("<rsp:CommandState CommandId=\"").append(commandId).append("\" State=\"")
          .append(WsmanUris.COMMAND_STATE_RUNNING).append("\"/>");
    }
    body.append("</rsp:ReceiveResponse>");
    return envelope(WsmanUris.SHELL + "/ReceiveResponse", relatesTo, body.toString());
  }

  static String signalResponse(String relatesTo) {
    return envelope(WsmanUris.SHELL + "/SignalResponse", relatesTo, "<rsp:SignalResponse/>");
  }

  static String sendResponse(String relatesTo) {
    return envelope(WsmanUris.SHELL + "/SendResponse", relatesTo, "<rsp:SendResponse/>");
  }

  static String deleteResponse(String relatesTo) {
    return envelope(WsmanUris.TRANSFER + "/DeleteResponse", relatesTo, "");
  }

  /** Envelope bytes without any output, to know how much output fits under MaxEnvelopeSize. */
  static int receiveOverhead(String commandId) {
    return receiveResponse("uuid:" + UUID.randomUUID(), commandId, new byte[0], new byte[0], true,
        Integer.MIN_VALUE).length() + 256;
  }

  static String fault(String relatesTo, WsmanFault fault, String machine) {
    StringBuilder body = new StringBuilder("<s:Fault><s:Code><s:Value>").append(fault.code())
        .append("</s:Value><s:Subcode><s:Value>").append(fault.subcode())
        .append("</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang=\"en-US\">")
        .append(escape(fault.reason())).append("</s:Text></s:Reason>");
    if (fault.faultDetail() != null || fault.wsmanCode() != null) {
      body.append("<s:Detail>");
      if (fault.faultDetail() != null) {
        body.append("<w:FaultDetail>").append(fault.faultDetail()).append("</w:FaultDetail>");
      }
      if (fault.wsmanCode() != null) {
        body.append("<f:WSManFault xmlns:f=\"").append(WsmanUris.WSMAN_FAULT).append("\" Code=\"")
            .append(fault.wsmanCode()).append("\" Machine=\"").append(escape(machine))
            .append("\"><f:Message>").append(escape(fault.message()))
            .append("</f:Message></f:WSManFault>");
      }
      body.append("</s:Detail>");
    }
    body.append("</s:Fault>");
    return envelope(WsmanUris.FAULT_ACTION, relatesTo, body.toString());
  }

  private static void appendStream(StringBuilder body, String name, String commandId, byte[] data) {
    if (data.length > 0) {
      body.append("<rsp:Stream Name=\"").append(name).append("\" CommandId=\"").append(commandId)
          .append("\">").append(Base64.getEncoder().encodeToString(data)).append("</rsp:Stream>");
    }
  }

  private static String envelope(String action, String relatesTo, String body) {
    StringBuilder s = new StringBuilder(512 + body.length())
        .append("<s:Envelope xml:lang=\"en-US\" xmlns:s=\"").append(WsmanUris.SOAP)
        .append("\" xmlns:a=\"").append(WsmanUris.ADDRESSING)
        .append("\" xmlns:x=\"").append(WsmanUris.TRANSFER)
        .append("\" xmlns:e=\"").append(WsmanUris.EVENTING)
        .append("\" xmlns:n=\"").append(WsmanUris.ENUMERATION)
        .append("\" xmlns:w=\"").append(WsmanUris.WSMAN)
        .append("\" xmlns:rsp=\"").append(WsmanUris.SHELL)
        .append("\" xmlns:p=\"").append(WsmanUris.MS_WSMAN).append("\">")
        .append("<s:Header><a:Action>").append(action).append("</a:Action>")
        .append("<a:MessageID>uuid:").append(UUID.randomUUID().toString().toUpperCase(Locale.ROOT))
        .append("</a:MessageID><a:To>").append(WsmanUris.ANONYMOUS).append("</a:To>");
    if (relatesTo != null && !relatesTo.isEmpty()) {
      s.append("<a:RelatesTo>").append(escape(relatesTo)).append("</a:RelatesTo>");
    }
    s.append("</s:Header>");
    if (body.isEmpty()) {
      s.append("<s:Body/>");
    } else {
      s.append("<s:Body>").append(body).append("</s:Body>");
    }
    return s.append("</s:Envelope>").toString();
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
