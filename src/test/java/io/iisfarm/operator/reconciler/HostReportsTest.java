package io.iisfarm.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.iisfarm.operator.status.HostFailure;
import io.iisfarm.operator.winrm.WinRmException;
import org.junit.jupiter.api.Test;

/** Which status reason a transport failure becomes. */
class HostReportsTest {

  @Test
  void anIncompleteReadAndABlockedCertutilHaveReasonsOfTheirOwn() {
    assertThat(HostReports.kind(WinRmException.Kind.READ_INCOMPLETE)).isEqualTo(HostFailure.Kind.UNREADABLE);
    assertThat(HostReports.kind(WinRmException.Kind.CERTUTIL_BLOCKED)).isEqualTo(HostFailure.Kind.CERTUTIL_BLOCKED);
    assertThat(HostFailure.Kind.UNREADABLE.reason()).isEqualTo("Unreadable");
    assertThat(HostFailure.Kind.CERTUTIL_BLOCKED.reason()).isEqualTo("CertutilBlocked");
    assertThat(HostReports.kind(WinRmException.Kind.AUTHENTICATION)).isEqualTo(HostFailure.Kind.AUTHENTICATION_FAILED);
  }
}
