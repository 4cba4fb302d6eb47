package io.iisfarm.operator.benchmark;

import io.iisfarm.operator.api.DecryptionAlgorithm;
import io.iisfarm.operator.api.ValidationAlgorithm;
import io.iisfarm.operator.secrets.KeyGenerator;

/** A machineKey pair (SHA1 validation, AES decryption), as hex; generated fresh for each benchmark farm. */
record BenchKey(String validationKey, String decryptionKey) {
  private static final KeyGenerator GENERATOR = new KeyGenerator();

  static BenchKey random() {
    return new BenchKey(GENERATOR.validationKey(ValidationAlgorithm.SHA1).reveal(),
        GENERATOR.decryptionKey(DecryptionAlgorithm.AES).reveal());
  }

  @Override
  public String toString() {
    return "BenchKey[redacted]";
  }
}
