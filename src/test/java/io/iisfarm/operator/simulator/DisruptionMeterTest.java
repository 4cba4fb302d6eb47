package io.iisfarm.operator.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisruptionMeterTest {
  @Test
  void countsHostsWithASiteDownThatWasRunningAtTheStart() {
    DisruptionMeter meter = new DisruptionMeter();
    meter.siteRunningAtStart("web01", "Shop");
    meter.siteRunningAtStart("web01", "Api");
    meter.siteRunningAtStart("web02", "Shop");

    meter.siteStateChanged("web01", "shop", false);
    meter.siteStateChanged("web01", "API", false);
    assertThat(meter.disruptedNow()).isEqualTo(1);
    meter.siteStateChanged("web02", "Shop", false);
    assertThat(meter.disruptedNow()).isEqualTo(2);
    meter.siteStateChanged("web01", "Shop", true);
    assertThat(meter.disruptedNow()).as("Api still down on web01").isEqualTo(2);
    meter.siteStateChanged("web01", "Api", true);
    meter.siteStateChanged("web02", "Shop", true);

    assertThat(meter.disruptedNow()).isZero();
    assertThat(meter.maxDisrupted()).isEqualTo(2);
    meter.reset();
    assertThat(meter.maxDisrupted()).isZero();
  }

  @Test
  void ignoresSitesThatWereStoppedAtTheStart() {
    DisruptionMeter meter = new DisruptionMeter();
    meter.siteStateChanged("web01", "Parked", true);
    meter.siteStateChanged("web01", "Parked", false);
    assertThat(meter.maxDisrupted()).isZero();
  }
}
