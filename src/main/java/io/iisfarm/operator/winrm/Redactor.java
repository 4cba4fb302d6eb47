package io.iisfarm.operator.winrm;

import java.util.List;

/** Removes known secret values from text that came from elsewhere (a library's message, a host's fault). */
final class Redactor {
  private final List<String> secrets;

  Redactor(List<String> secrets) {
    this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 3).toList();
  }

  String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, "<redacted>");
    }
    return out;
  }
}
