package io.iisfarm.operator.transcript;

/** A transcript that cannot be read, or one that must not be written; the message says which and what to do. */
public final class TranscriptException extends RuntimeException {
  public TranscriptException(String message) {
    super(message);
  }

  public TranscriptException(String message, Throwable cause) {
    super(message, cause);
  }
}
