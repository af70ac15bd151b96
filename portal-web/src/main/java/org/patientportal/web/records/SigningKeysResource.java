package org.patientportal.web.records;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.patientportal.records.boundary.SigningKeys;
import org.patientportal.records.entity.SigningPublicKey;

/**
 * {@code /records/signing-keys}: the public keys that verify the medical record's entries, for
 * anyone signed in: a JWK set (RFC 7517; each key OKP/Ed25519 as RFC 8037 writes it, {@code kid}
 * the id each entry names as its {@code signingKeyId}), or with {@code Accept: text/plain} the
 * lines of the public-key file written beside the key store ({@code ed25519 <key id> <base64>}),
 * the shape the access log's checkpoint key is exported in. Old keys stay listed after a rotation,
 * so old entries still verify. {@code POST /records/signing-keys/rotation}: an administrator makes
 * a new key for new entries (audited as KEY_ROTATED).
 */
@Path("records/signing-keys")
@Produces(MediaType.APPLICATION_JSON)
public class SigningKeysResource {

  /** A JWK set; {@code current} is the id of the key that signs new entries. */
  public record KeySet(List<Jwk> keys, String current) {

    static KeySet of(List<SigningPublicKey> keys) {
      return new KeySet(
          keys.stream().map(Jwk::of).toList(),
          keys.stream()
              .filter(SigningPublicKey::current)
              .map(SigningPublicKey::keyId)
              .findFirst()
              .orElse(null));
    }
  }

  /** One public key as a JWK (RFC 8037: {@code x} is the raw key, base64url without padding). */
  public record Jwk(String kty, String crv, String kid, String x, String use, String alg) {

    static Jwk of(SigningPublicKey key) {
      return new Jwk(
          "OKP",
          "Ed25519",
          key.keyId(),
          Base64.getUrlEncoder().withoutPadding().encodeToString(key.publicKey()),
          "sig",
          "EdDSA");
    }
  }

  @EJB SigningKeys keys;

  @GET
  @Operation(
      summary = "The public keys that verify medical record entries, as a JWK set",
      description =
          "Every key that ever signed an entry (old ones stay after a rotation); `current` signs"
              + " new entries. An entry names its key as `signingKeyId`.")
  public KeySet jwks() {
    return KeySet.of(keys.publicKeys());
  }

  @GET
  @Produces(MediaType.TEXT_PLAIN + ";qs=0.5")
  @Operation(summary = "The same public keys, one \"ed25519 <key id> <base64 key>\" line each")
  public String lines() {
    StringBuilder lines = new StringBuilder();
    for (SigningPublicKey key : keys.publicKeys()) {
      lines.append(key.line()).append('\n');
    }
    return lines.toString();
  }

  @POST
  @Path("rotation")
  @Operation(
      summary = "A new record signing key for new entries (administrators); old keys stay listed")
  public KeySet rotate() {
    return KeySet.of(keys.rotate());
  }
}
