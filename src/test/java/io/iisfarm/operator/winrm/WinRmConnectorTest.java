package io.iisfarm.operator.winrm;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A closed connector contacts no host and starts no transport: a late caller must not leave threads behind. */
class WinRmConnectorTest {
  private static final WinRmEndpoint ENDPOINT =
      WinRmEndpoint.http("127.0.0.1").port(5985).auth(WinRmEndpoint.Auth.BASIC).build();

  @Test
  void aClosedConnectorOpensNoSession() {
    WinRmConnector connector = new WinRmConnector();
    connector.close();

    assertThatThrownBy(() -> connector.open(ENDPOINT, WinRmCredentials.of("deploy", "x")))
        .isInstanceOf(WinRmConfigurationException.class)
        .hasMessage("host 127.0.0.1:5985: not contacted: the operator is stopping");
  }

  @Test
  void closedBusesCreateNoNewBus() {
    CxfBuses buses = new CxfBuses();
    buses.close();

    assertThatThrownBy(() -> buses.busFor(CxfBuses.ConduitSettings.of(ENDPOINT)))
        .isInstanceOf(IllegalStateException.class);
  }
}
