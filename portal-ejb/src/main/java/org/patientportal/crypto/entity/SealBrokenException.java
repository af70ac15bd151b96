package org.patientportal.crypto.entity;

/**
 * A sealed value does not open: its ciphertext, nonce, wrapped key or associated data was altered,
 * or its key-encryption key is gone. Never recovered from silently: wrong text is worse than none.
 */
public class SealBrokenException extends RuntimeException {

  public SealBrokenException(String message, Throwable cause) {
    super(message, cause);
  }

  public SealBrokenException(String message) {
    super(message);
  }
}
