package org.patientportal.web.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

/**
 * Checks a back-channel logout token as OpenID Connect Back-Channel Logout 1.0 (2.6) asks: signed
 * by the realm (its published keys), issued by it, for the portal's client, recently, with the
 * back-channel logout event, without a nonce, naming a session or a user.
 */
@ApplicationScoped
public class LogoutTokens {

  static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

  /** Who a valid logout token logs out: a Keycloak session, or (sid absent) a user. */
  public record Logout(String keycloakSession, String subject) {}

  private final JwtConsumer consumer;

  public LogoutTokens() {
    String provider = LogoutTokens.identityProvider();
    this.consumer =
        new JwtConsumerBuilder()
            .setVerificationKeyResolver(
                new HttpsJwksVerificationKeyResolver(
                    new HttpsJwks(provider + "/protocol/openid-connect/certs")))
            .setJwsAlgorithmConstraints(
                AlgorithmConstraints.ConstraintType.PERMIT,
                AlgorithmIdentifiers.RSA_USING_SHA256,
                AlgorithmIdentifiers.RSA_PSS_USING_SHA256,
                AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
            .setExpectedIssuer(provider)
            .setExpectedAudience("portal-web")
            .setRequireIssuedAt()
            .setIssuedAtRestrictions(120, 120)
            .setAllowedClockSkewInSeconds(30)
            .build();
  }

  /**
   * The realm the portal signs in with ({@code oidc.provider-url}, from OIDC_PROVIDER_URL), read
   * through MicroProfile Config as the access log's import of Keycloak's events reads it.
   */
  public static String identityProvider() {
    return ConfigProvider.getConfig(LogoutTokens.class.getClassLoader())
        .getOptionalValue("oidc.provider-url", String.class)
        .orElse("http://localhost:8180/realms/portal");
  }

  /** The logout a token asks for; an exception if it is not a valid logout token. */
  public Logout verify(String token) throws InvalidLogoutToken {
    try {
      JwtClaims claims = consumer.processToClaims(token);
      Object events = claims.getClaimValue("events");
      if (!(events instanceof Map<?, ?> map) || !map.containsKey(EVENT)) {
        throw new InvalidLogoutToken("not a back-channel logout event");
      }
      if (claims.hasClaim("nonce")) {
        throw new InvalidLogoutToken("a logout token carries no nonce");
      }
      String sid = claims.getClaimValueAsString("sid");
      String sub = claims.getSubject();
      if (sid == null && sub == null) {
        throw new InvalidLogoutToken("names neither a session nor a user");
      }
      return new Logout(sid, sub);
    } catch (InvalidJwtException | MalformedClaimException e) {
      throw new InvalidLogoutToken(e.getMessage());
    }
  }

  /** A token that is not a valid logout token for the portal. */
  public static class InvalidLogoutToken extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidLogoutToken(String reason) {
      super(reason);
    }
  }
}
