package io.iisfarm.operator.status;

import java.util.Objects;

/**
 * Why a host could not be read. The message comes from the transport and must hold no secret; it is shown
 * in status and Events as is.
 */
public record HostFailure(Kind kind, String message) {

  public HostFailure {
    Objects.requireNonNull(kind, "kind");
    message = message == null || message.isBlank() ? kind.hint() : message;
  }

  /** Typed failures, each with its CamelCase reason and what to check next. */
  public enum Kind {
    UNREACHABLE("HostUnreachable", "check the address and port, and that the host's WinRM listener runs"),
    AUTHENTICATION_FAILED("AuthenticationFailed", "check the credentials Secret and spec.winrm.auth"),
    TIMEOUT("HostTimeout", "check the network path, the host's load and spec.winrm timeouts"),
    WSMAN_FAULT("WsManFault", "check the host's WinRM configuration (winrm get winrm/config)"),
    INVALID_RESPONSE("InvalidResponse", "the host's answer could not be understood; check its IIS tools"),
    UNREADABLE("Unreadable", "a part of the host's read failed on the host, so nothing is changed there; fix what the"
        + " message names"),
    CERTUTIL_BLOCKED("CertutilBlocked", "endpoint protection or application control kept certutil from running;"
        + " allow-list the operator's certutil -encode/-decode commands (README, Troubleshooting)"),
    CLAIMED_ELSEWHERE("HostClaimedElsewhere", "another IisFarm names this address; remove it from one of them");

    private final String reason;
    private final String hint;

    Kind(String reason, String hint) {
      this.reason = reason;
      this.hint = hint;
    }

    public String reason() { return reason; }

    /** What to check next. */
    public String hint() { return hint; }
  }

  /** {@code Reason: message}, for a status row or an Event. */
  public String statusLine() {
    return kind.reason() + ": " + message;
  }
}
