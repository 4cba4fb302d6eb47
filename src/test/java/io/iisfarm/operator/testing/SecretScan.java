package io.iisfarm.operator.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.Locale;

/** Asserts that text holds no secret value, nor (for long values such as keys) any 16-character piece of one. */
public final class SecretScan {
  private static final int PIECE = 16;

  private SecretScan() {}

  public static void assertClean(String what, String text, Collection<String> secrets) {
    String upper = text.toUpperCase(Locale.ROOT);
    for (String secret : secrets) {
      String value = secret.toUpperCase(Locale.ROOT);
      if (value.length() <= PIECE) {
        assertThat(upper).as("%s must not hold a secret value", what).doesNotContain(value);
        continue;
      }
      for (int i = 0; i + PIECE <= value.length(); i++) {
        assertThat(upper).as("%s must not hold any part of a secret value", what)
            .doesNotContain(value.substring(i, i + PIECE));
      }
    }
  }
}
