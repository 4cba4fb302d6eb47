package io.iisfarm.operator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KubeDurationTest {

  @ParameterizedTest
  @CsvSource({
      "30s, PT30S",
      "5m, PT5M",
      "1h30m, PT1H30M",
      "1h30m15s, PT1H30M15S",
      "250ms, PT0.25S",
      "90s, PT1M30S",
      "0s, PT0S",
      "2h2h, PT4H"})
  void parsesKubernetesDurations(String text, String iso) {
    assertThat(KubeDuration.parse(text)).isEqualTo(Duration.parse(iso));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "30", "s", "1.5h", "-5s", "5 m", "5M", "1d", "10us", "PT30S", "5m30"})
  void rejectsWhatTheSchemaRejects(String text) {
    assertThatThrownBy(() -> KubeDuration.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("e.g. 30s, 5m or 1h30m");
  }

  @ParameterizedTest
  @CsvSource({"PT30S, 30s", "PT1H30M, 1h30m", "PT0S, 0s", "PT0.5S, 500ms", "PT2H0M5S, 2h5s"})
  void formatsTheWaySpecsWriteThem(String iso, String text) {
    assertThat(KubeDuration.format(Duration.parse(iso))).isEqualTo(text);
    assertThat(KubeDuration.parse(text)).isEqualTo(Duration.parse(iso));
  }

  @ParameterizedTest
  @ValueSource(strings = {"99999999999999999999s", "9999999999999999h"})
  void overflowIsAnErrorNotAWrongValue(String text) {
    assertThatThrownBy(() -> KubeDuration.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }
}
