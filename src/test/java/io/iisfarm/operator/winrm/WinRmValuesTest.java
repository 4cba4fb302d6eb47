package io.iisfarm.operator.winrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WinRmValuesTest {

  @Test
  void credentialsSplitTheDomainAndNeverShowThePassword() {
    WinRmCredentials credentials = WinRmCredentials.of("CORP\\deploy", "p@ss-W0rd-123");
    assertThat(credentials.domain()).isEqualTo("CORP");
    assertThat(credentials.user()).isEqualTo("deploy");
    assertThat(credentials.username()).isEqualTo("CORP\\deploy");
    assertThat(credentials.toString()).contains("CORP\\deploy").doesNotContain("p@ss-W0rd-123");
    assertThat(WinRmCredentials.of("deploy@corp.example", "x").domain()).isNull();
  }

  @Test
  void endpointDefaultsToVerifiedHttpsWithNtlm() {
    WinRmEndpoint endpoint = WinRmEndpoint.https("web1.corp.example").build();
    assertThat(endpoint.port()).isEqualTo(5986);
    assertThat(endpoint.url()).isEqualTo("https://web1.corp.example:5986/wsman");
    assertThat(endpoint.auth()).isEqualTo(WinRmEndpoint.Auth.NTLM);
    assertThat(endpoint.tls()).isEqualTo(TlsOptions.DEFAULT);
    assertThat(endpoint.tls().insecureSkipTlsVerify()).isFalse();
    assertThat(endpoint.tls().allowLegacyTls()).isFalse();
    assertThat(endpoint.operationTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(WinRmEndpoint.http("fe80::1").build().url()).isEqualTo("http://[fe80::1]:5985/wsman");
  }

  @Test
  void hostIsToldAShorterOperationTimeoutThanTheClientWaits() {
    assertThat(WinRmEndpoint.https("h").operationTimeout(Duration.ofSeconds(60)).build().wsmanOperationTimeout())
        .isEqualTo(Duration.ofSeconds(55));
    assertThat(WinRmEndpoint.https("h").operationTimeout(Duration.ofSeconds(2)).build().wsmanOperationTimeout())
        .isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void operationTimeoutSentNeverExceedsTheHostsDefaultMaxTimeoutms() {
    // WinRM refuses an OperationTimeout above MaxTimeoutms (60000 by default, WinRM 2.0 included)
    assertThat(WinRmEndpoint.https("h").operationTimeout(Duration.ofMinutes(5)).build().wsmanOperationTimeout())
        .isEqualTo(Duration.ofSeconds(60));
    assertThat(WinRmEndpoint.https("h").operationTimeout(Duration.ofSeconds(64)).build().wsmanOperationTimeout())
        .isEqualTo(Duration.ofSeconds(59));
    assertThat(CmdShell.xsDuration(Duration.ofMillis(1500))).isEqualTo("PT1.5S");
    assertThat(CmdShell.xsDuration(Duration.ofSeconds(60))).isEqualTo("PT60S");
  }

  @Test
  void invalidEndpointsAreRefused() {
    assertThatThrownBy(() -> WinRmEndpoint.https("h").port(0).build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WinRmEndpoint.https("h").operationTimeout(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void commandOutputQuotesTheFirstErrorLinesAndShowsNoContentInToString() {
    CommandOutput output = new CommandOutput(1168, "secret-ish stdout", "\r\nERROR ( message:Cannot find SITE object"
        + " with identifier \"Shop\". )\r\nline2\r\nline3\r\nline4\r\n", Duration.ofMillis(40));
    assertThat(output.toString()).doesNotContain("secret-ish").doesNotContain("ERROR");
    assertThatThrownBy(() -> output.requireSuccess("web1:5986", "appcmd start site"))
        .isInstanceOfSatisfying(CommandFailedException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(1168);
          assertThat(e.stderrHead()).hasSize(3).first().asString().startsWith("ERROR ( message:Cannot find SITE");
          assertThat(e.kind()).isEqualTo(WinRmException.Kind.COMMAND_FAILED);
        })
        .hasMessageStartingWith("host web1:5986: appcmd start site failed with exit code 1168: ERROR");
  }

  @Test
  void legacyTlsOffersTls10OnlyWhenAllowed() {
    assertThat(LegacyTls.protocols(false)).containsExactly("TLSv1.3", "TLSv1.2");
    assertThat(LegacyTls.protocols(true)).contains("TLSv1", "TLSv1.1");
    assertThat(LegacyTls.jvmDisablesTls10()).as("test JVMs run with legacy-tls.java.security").isFalse();
    assertThat(LegacyTls.JVM_SETTING_HINT).contains("-Djava.security.properties", "jdk.tls.disabledAlgorithms");
  }
}
