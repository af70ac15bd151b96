package org.patientportal.records.entity;

/**
 * A public key of the record's signing keys, for anyone who verifies entries: its id (as each entry
 * names it), the raw 32-byte Ed25519 key (RFC 8032) and whether it signs new entries.
 */
public record SigningPublicKey(String keyId, byte[] publicKey, boolean current) {

  public SigningPublicKey {
    publicKey = publicKey.clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /**
   * The key as a line of the public-key file beside the key store: {@code ed25519 <key id> <base64
   * key>}, the shape the access log's checkpoint key is exported in.
   */
  public String line() {
    return "ed25519 " + keyId + " " + java.util.Base64.getEncoder().encodeToString(publicKey);
  }
}
