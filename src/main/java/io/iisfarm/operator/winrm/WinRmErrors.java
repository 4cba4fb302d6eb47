package io.iisfarm.operator.winrm;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.xml.soap.Detail;
import javax.xml.soap.SOAPFault;
import javax.xml.ws.soap.SOAPFaultException;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.transport.http.HTTPException;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Turns whatever winrm4j and CXF threw into one typed {@link WinRmException} with a message that says what to check. */
final class WinRmErrors {

  /** MS-WSMV: no output arrived within the OperationTimeout; the client polls again. */
  static final String OPERATION_TIMEOUT_CODE = "2150858793";

  private WinRmErrors() {}

  static WinRmException classify(Throwable thrown, WinRmEndpoint endpoint, Redactor redactor, boolean commandDeadlinePassed) {
    String host = endpoint.label();
    List<Throwable> chain = chain(thrown);

    for (Throwable t : chain) {
      if (t instanceof WinRmException w) {
        return w;
      }
    }
    for (Throwable t : chain) {
      String text = String.valueOf(t.getMessage());
      if (text.contains("Authorization loop detected") || text.contains("ncompatible authentication schemes")) {
        return new AuthenticationFailedException(host, rejected(endpoint, "HTTP 401 again after authenticating"),
            thrown);
      }
    }
    SOAPFaultException soapFault = find(chain, SOAPFaultException.class);
    if (soapFault != null && isServerFault(soapFault)) {
      return wsManFault(soapFault, endpoint, redactor, commandDeadlinePassed);
    }
    HTTPException http = find(chain, HTTPException.class);
    if (http != null) {
      return httpStatus(http, endpoint, redactor);
    }
    Throwable tls = findAny(chain, SSLHandshakeException.class, CertificateException.class, CertPathValidatorException.class);
    if (tls == null) {
      tls = find(chain, SSLException.class);
    }
    if (tls != null) {
      return tlsFailure(tls, thrown, endpoint, redactor);
    }
    Throwable timeout = findAny(chain, SocketTimeoutException.class, org.apache.http.conn.ConnectTimeoutException.class);
    if (timeout != null) {
      String text = String.valueOf(timeout.getMessage()).toLowerCase();
      boolean connect = timeout instanceof org.apache.http.conn.ConnectTimeoutException
          || (text.contains("timed out") && text.contains("connect"));
      return connect
          ? new WinRmTimeoutException(host, WinRmTimeoutException.Phase.CONNECT, endpoint.connectTimeout(),
              "no connection within the connect timeout (" + seconds(endpoint.connectTimeout())
                  + "): check that the host is up and that port " + endpoint.port() + " is not filtered", thrown)
          : new WinRmTimeoutException(host, WinRmTimeoutException.Phase.RESPONSE, endpoint.operationTimeout(),
              "no answer within the operation timeout (" + seconds(endpoint.operationTimeout())
                  + "): the WinRM service or the command hangs; check the host's load and WinRM service", thrown);
    }
    UnknownHostException unknown = find(chain, UnknownHostException.class);
    if (unknown != null) {
      return new HostUnreachableException(host, "unknown host name " + endpoint.host()
          + ": check the address and DNS", thrown);
    }
    Throwable refused = findAny(chain, ConnectException.class, NoRouteToHostException.class);
    if (refused != null) {
      return new HostUnreachableException(host, "connection failed (" + detail(refused, redactor)
          + "): check that WinRM listens on " + (endpoint.isHttps() ? "HTTPS" : "HTTP") + " port " + endpoint.port()
          + " (winrm enumerate winrm/config/listener) and that no firewall blocks it", thrown);
    }
    if (soapFault != null) {
      return new WinRmProtocolException(host, "the answer is not a WS-Management message ("
          + detail(rootCause(soapFault), redactor) + "): check that " + endpoint.url() + " is a WinRM endpoint", thrown);
    }
    IOException io = find(chain, IOException.class);
    if (io != null) {
      return new HostUnreachableException(host, "the connection failed (" + detail(io, redactor)
          + "): check the network path and the WinRM service", thrown);
    }
    return new WinRmProtocolException(host, "unexpected answer (" + detail(rootCause(thrown), redactor)
        + "): check that " + endpoint.url() + " is a WinRM endpoint", thrown);
  }

  private static WinRmException wsManFault(SOAPFaultException e, WinRmEndpoint endpoint, Redactor redactor,
      boolean commandDeadlinePassed) {
    String host = endpoint.label();
    SOAPFault fault = e.getFault();
    String code = wsManFaultCode(fault);
    String reason = redactor.redact(oneLine(fault == null ? e.getMessage() : fault.getFaultString()));
    if (OPERATION_TIMEOUT_CODE.equals(code) && commandDeadlinePassed) {
      return new WinRmTimeoutException(host, WinRmTimeoutException.Phase.COMMAND, endpoint.commandTimeout(),
          "the command did not finish within the command timeout (" + seconds(endpoint.commandTimeout()) + ")", e);
    }
    String hint = switch (code == null ? "" : code) {
      case "5" -> ": access denied; the user must be an administrator on the host (a local account other than the"
          + " built-in Administrator needs LocalAccountTokenFilterPolicy=1)";
      case "2150858843" -> ": the shell is gone (the WinRM service restarted or closed idle shells); open a new session";
      case "2150859173" -> ": the user holds as many shells as MaxShellsPerUser allows (5 on Windows Server 2003 and"
          + " 2008 R2, 30 later): close shells other tools left open or raise winrm/config/winrs MaxShellsPerUser";
      case "2150859179" -> ": as many users hold shells as MaxConcurrentUsers allows (5 on Windows Server 2003 and"
          + " 2008 R2, 10 later): raise winrm/config/winrs MaxConcurrentUsers";
      case "2150859174" -> ": the user runs as many operations as the host's quota allows"
          + " (MaxConcurrentOperationsPerUser)";
      case "2150858881" -> ": the OperationTimeout exceeds the host's MaxTimeoutms (winrm/config)";
      default -> "";
    };
    return new WsManFaultException(host, code, reason,
        "WS-Management fault" + (code == null ? "" : " " + code) + " (" + reason + ")" + hint, e);
  }

  private static WinRmException httpStatus(HTTPException e, WinRmEndpoint endpoint, Redactor redactor) {
    String host = endpoint.label();
    int status = e.getResponseCode();
    if (status == 401) {
      return new AuthenticationFailedException(host, rejected(endpoint, "HTTP 401"), e);
    }
    return new WinRmProtocolException(host, "unexpected HTTP status " + status + " ("
        + redactor.redact(oneLine(e.getResponseMessage())) + "): check that " + endpoint.url()
        + " is the host's WinRM endpoint", e);
  }

  /**
   * Why a host answered 401, as far as can be told: it does not offer the scheme used (WinRM ships with Basic
   * off, and refuses Basic over plain HTTP while AllowUnencrypted is false), or it refused the account: a wrong
   * password, or a local account other than the built-in Administrator whose token UAC filters for remote logons
   * unless LocalAccountTokenFilterPolicy is 1 (learn.microsoft.com/windows/win32/winrm/obtaining-data-from-a-remote-computer).
   */
  static String rejected(WinRmEndpoint endpoint, String what) {
    String scheme = endpoint.auth() == WinRmEndpoint.Auth.BASIC ? "Basic" : "NTLM (Negotiate)";
    java.util.Optional<java.util.List<String>> offered = AuthProbe.offeredSchemes(endpoint);
    if (offered.isPresent() && !offered.get().isEmpty() && !AuthProbe.offers(offered.get(), endpoint.auth())) {
      String fix = endpoint.auth() == WinRmEndpoint.Auth.BASIC
          ? (endpoint.isHttps() ? "use auth ntlm, or enable Basic on the host (winrm set winrm/config/service/auth"
              + " @{Basic=\"true\"}), which WinRM ships switched off"
              : "use auth ntlm (WinRM seals its messages over HTTP), or https; Basic over plain HTTP needs Basic"
              + " enabled and AllowUnencrypted=true on the host (winrm set winrm/config/service"
              + " @{AllowUnencrypted=\"true\"}), which sends the password readably, and WinRM ships both off")
          : "enable Negotiate on the host (winrm set winrm/config/service/auth @{Negotiate=\"true\"}) or use auth basic"
              + " over https";
      return what + ": the host does not accept " + scheme + " (it offers " + String.join(", ", offered.get())
          + "): " + fix;
    }
    return what + ", the credentials were rejected: check the user and password in the Secret; a local account"
        + " other than the built-in Administrator is also refused while UAC filters its token for remote logons:"
        + " use the built-in Administrator or a domain account in the host's Administrators group, or set"
        + " LocalAccountTokenFilterPolicy=1 under HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies"
        + "\\System (winrm get winrm/config/service/auth shows the schemes it accepts)";
  }

  private static WinRmException tlsFailure(Throwable tls, Throwable thrown, WinRmEndpoint endpoint, Redactor redactor) {
    String host = endpoint.label();
    String detail = detail(rootCause(tls), redactor);
    String lower = detail.toLowerCase();
    String hint;
    if (lower.contains("protocol") || lower.contains("no appropriate")) {
      hint = endpoint.tls().allowLegacyTls()
          ? (LegacyTls.jvmDisablesTls10() ? LegacyTls.JVM_SETTING_HINT : "the host offers no protocol in common")
          : "the host may speak only TLS 1.0 (Windows Server 2003; Windows Server 2008 R2 unless TLS 1.2 is switched"
              + " on in SCHANNEL): on 2008 R2 set HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL"
              + "\\Protocols\\TLS 1.2\\Server Enabled=1 and DisabledByDefault=0 and restart it; on 2003 (or meanwhile)"
              + " set winrm.allowLegacyTls for the farm";
    } else if (lower.contains("subject alternative") || lower.contains("hostname") || lower.contains("host name")) {
      hint = "the certificate does not name " + endpoint.host() + ": use the name it was issued for";
    } else if (lower.contains("path") || lower.contains("certif") || lower.contains("trust")) {
      hint = "the host's certificate is not trusted: give the CA that signed it (caSecretRef)";
    } else {
      hint = "check the host's WinRM HTTPS listener and certificate";
    }
    return new TlsException(host, "TLS handshake failed (" + detail + "): " + hint, thrown);
  }

  /**
   * True for a fault the host sent (CXF reads those into a {@link SoapFault}), false for CXF's own failures to
   * read the answer, which it also reports as SOAP faults.
   */
  private static boolean isServerFault(SOAPFaultException e) {
    return wsManFaultCode(e.getFault()) != null || e.getCause() instanceof SoapFault;
  }

  static String wsManFaultCode(SOAPFault fault) {
    if (fault == null) {
      return null;
    }
    Detail detail = fault.getDetail();
    if (detail == null) {
      return null;
    }
    return findCode(detail.getChildNodes());
  }

  private static String findCode(NodeList nodes) {
    for (int i = 0; i < nodes.getLength(); i++) {
      Node node = nodes.item(i);
      if (node.getNodeType() != Node.ELEMENT_NODE) {
        continue;
      }
      if ("WSManFault".equals(node.getLocalName()) && node.getAttributes().getNamedItem("Code") != null) {
        return node.getAttributes().getNamedItem("Code").getNodeValue();
      }
      String nested = findCode(node.getChildNodes());
      if (nested != null) {
        return nested;
      }
    }
    return null;
  }

  static List<Throwable> chain(Throwable thrown) {
    List<Throwable> chain = new ArrayList<>();
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    Throwable t = thrown;
    while (t != null && seen.put(t, Boolean.TRUE) == null) {
      chain.add(t);
      t = t.getCause();
    }
    return chain;
  }

  private static <T extends Throwable> T find(List<Throwable> chain, Class<T> type) {
    for (Throwable t : chain) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  @SafeVarargs
  private static Throwable findAny(List<Throwable> chain, Class<? extends Throwable>... types) {
    for (Throwable t : chain) {
      for (Class<? extends Throwable> type : types) {
        if (type.isInstance(t)) {
          return t;
        }
      }
    }
    return null;
  }

  private static Throwable rootCause(Throwable t) {
    List<Throwable> chain = chain(t);
    return chain.get(chain.size() - 1);
  }

  private static String detail(Throwable t, Redactor redactor) {
    String message = t.getMessage();
    String text = t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + oneLine(message));
    return redactor.redact(text);
  }

  private static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    String flat = s.replaceAll("\\s+", " ").strip();
    return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
  }

  static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }
}
