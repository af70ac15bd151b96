package org.patientportal.it.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;

/**
 * The record signing keys over the API: anyone signed in reads the public keys (a JWK set, or the
 * public-key file's lines), and with them alone verifies an entry's signature, the key named by the
 * entry, its download and its FHIR Bundle; an administrator rotates the key: new entries are signed
 * by the new key, entries signed before still read intact and still verify with the old public key,
 * which stays listed; the rotation is audited as KEY_ROTATED. Anyone else's rotation is refused
 * with 403 and an ACCESS_DENIED entry, and changes nothing.
 */
class SigningKeysApiIT {

  private static final String TEAM = "breast-oncology";

  @BeforeAll
  static void guidelines() {
    Messages.acceptGuidelines("pat.jones");
  }

  @Test
  void thePublicKeysAreExportedAndVerifyAnEntry() throws GeneralSecurityException {
    long entry = fileOne(Messages.marker("keys"));
    JsonNode listed = listed(entry);

    for (String user : List.of("dr.smith", "pat.jones", "audit.kim", "admin.ito")) {
      HttpResponse<String> jwks = Portal.get("/records/signing-keys", user);
      assertEquals(200, jwks.statusCode(), user + ": " + jwks.body());
    }
    Map<String, byte[]> keys = jwks("pat.jones");
    JsonNode set = Portal.json(Portal.get("/records/signing-keys", "dr.chen").body());
    for (JsonNode k : set.get("keys")) {
      assertEquals("OKP", k.get("kty").asText());
      assertEquals("Ed25519", k.get("crv").asText());
      assertEquals("EdDSA", k.get("alg").asText());
    }
    assertTrue(keys.containsKey(set.get("current").asText()), set.toString());
    assertEquals(keys.keySet(), lines("nurse.lee").keySet(), "the same keys as lines");

    String keyId = listed.get("signingKeyId").asText();
    assertTrue(keys.containsKey(keyId), keyId + " in " + keys.keySet());
    assertTrue(verifies(keys.get(keyId), listed), "the exported key verifies the entry");
    assertFalse(
        verifies(
            keys.get(keyId),
            ((com.fasterxml.jackson.databind.node.ObjectNode) listed.deepCopy())
                .put("filedBy", "dr.chen")),
        "a changed fact does not verify");
  }

  @Test
  void anAdministratorRotatesTheKeyAndOldEntriesStillVerify() throws GeneralSecurityException {
    long before = fileOne(Messages.marker("before"));
    JsonNode old = listed(before);
    String oldKey = old.get("signingKeyId").asText();

    // refused to everyone but an administrator, audited, nothing changed
    for (String user : List.of("dr.smith", "nurse.lee", "audit.kim", "pat.jones")) {
      Instant since = Instant.now().minusSeconds(1);
      Portal.assertProblem(Portal.post("/records/signing-keys/rotation", user, ""), 403);
      assertEquals(
          1,
          FilingApiIT.audited(
              user, "ACCESS_DENIED", since, "POST /portal/api/v1/records/signing-keys/rotation"),
          user + "'s refusal is audited");
    }
    String current =
        Portal.json(Portal.get("/records/signing-keys", "admin.ito").body())
            .get("current")
            .asText();

    Instant since = Instant.now().minusSeconds(1);
    HttpResponse<String> rotated = Portal.post("/records/signing-keys/rotation", "admin.ito", "");
    assertEquals(200, rotated.statusCode(), rotated.body());
    String next = Portal.json(rotated.body()).get("current").asText();
    assertNotEquals(current, next, "a new key");
    assertEquals(
        1, FilingApiIT.audited("admin.ito", "KEY_ROTATED", since, "record-signing-key/" + next));

    Map<String, byte[]> keys = jwks("dr.smith");
    assertTrue(keys.containsKey(oldKey) && keys.containsKey(next), "old keys stay listed");

    // the entry signed before reads intact and verifies with its (old) key
    JsonNode again = listed(before);
    assertTrue(again.get("intact").asBoolean());
    assertEquals(oldKey, again.get("signingKeyId").asText());
    assertTrue(verifies(keys.get(oldKey), again));
    assertEquals(200, Portal.get("/records/" + before, "dr.smith").statusCode());
    // a new entry is signed by the new key
    JsonNode after = listed(fileOne(Messages.marker("after")));
    assertEquals(next, after.get("signingKeyId").asText());
    assertTrue(verifies(keys.get(next), after));
    assertFalse(verifies(keys.get(oldKey), after));
  }

  /** Files a new conversation of pat.jones with the team; the entry's id. */
  private static long fileOne(String subject) {
    long thread =
        Messages.start(
            "pat.jones", Messages.draft("pool:" + TEAM, "GENERAL", subject, "Please file", false));
    HttpResponse<String> filed =
        Portal.post("/threads/" + thread + "/filing", "dr.smith", Map.of());
    assertEquals(201, filed.statusCode(), filed.body());
    return Portal.json(filed.body()).get("recordEntryId").asLong();
  }

  private static JsonNode listed(long entry) {
    JsonNode entries = Portal.json(Portal.get("/patients/pat.jones/record", "dr.smith").body());
    return StreamSupport.stream(entries.spliterator(), false)
        .filter(e -> e.get("id").asLong() == entry)
        .findFirst()
        .orElseThrow();
  }

  private static Map<String, byte[]> jwks(String user) {
    Map<String, byte[]> keys = new HashMap<>();
    for (JsonNode k : Portal.json(Portal.get("/records/signing-keys", user).body()).get("keys")) {
      keys.put(k.get("kid").asText(), Base64.getUrlDecoder().decode(k.get("x").asText()));
    }
    return keys;
  }

  private static Map<String, byte[]> lines(String user) {
    HttpResponse<String> text =
        Portal.send(
            HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/records/signing-keys"))
                .header("Authorization", "Bearer " + Portal.token(user))
                .header("Accept", "text/plain")
                .GET()
                .build());
    assertEquals(200, text.statusCode(), text.body());
    Map<String, byte[]> keys = new HashMap<>();
    for (String line : text.body().strip().split("\n")) {
      String[] f = line.split(" ");
      assertEquals("ed25519", f[0], line);
      keys.put(f[1], Base64.getDecoder().decode(f[2]));
    }
    return keys;
  }

  /**
   * Whether the raw Ed25519 {@code publicKey} verifies the listed entry's signature, with the JDK
   * alone: the signed text rebuilt from the entry's facts as the API documents it.
   */
  static boolean verifies(byte[] publicKey, JsonNode e) throws GeneralSecurityException {
    String text =
        "patient-portal record-entry v1\n"
            + e.get("id").asLong()
            + "\n"
            + e.get("patient").asText()
            + "\n"
            + e.get("threadId").asLong()
            + "\n"
            + e.get("version").asInt()
            + "\n"
            + (e.get("amends").isNull() ? "-" : e.get("amends").asText())
            + "\n"
            + e.get("filedBy").asText()
            + "\n"
            + Instant.parse(e.get("filedAt").asText())
            + "\n"
            + e.get("snapshotSha256").asText();
    // an X.509 SubjectPublicKeyInfo of an Ed25519 key: a fixed prefix, then the raw key
    byte[] spki =
        HexFormat.of().parseHex("302a300506032b6570032100" + HexFormat.of().formatHex(publicKey));
    Signature verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(
        KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)));
    verifier.update(text.getBytes(StandardCharsets.UTF_8));
    return verifier.verify(Base64.getDecoder().decode(e.get("signature").asText()));
  }
}
