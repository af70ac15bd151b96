package org.patientportal.web.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.net.URI;

/**
 * The pages' Content-Security-Policy. PrimeFaces sends it (web.xml: {@code primefaces.CSP}),
 * appending a fresh nonce to the last directive, {@code script-src}: only the portal's own scripts
 * and the nonce-carrying ones PrimeFaces writes (its inline event handlers become such scripts)
 * run, never an injected inline script or handler. {@code 'strict-dynamic'} lets those trusted
 * scripts add scripts of their own: Faces' Ajax (f:ajax) runs the scripts of an updated fragment by
 * inserting them, which a nonce alone would block; PrimeFaces gives every script tag the nonce, so
 * {@code 'self'} (ignored then) is only for browsers without CSP level 3. {@code 'unsafe-eval'}
 * because Faces' Ajax runs a partial response's {@code <eval>} (where PrimeFaces puts the handlers
 * of the updated fragment) with {@code eval()}; PrimeFaces' own p:ajax would not need it, the views
 * use f:ajax. Inline scripts and handlers stay blocked, which is what stops injected markup. Styles
 * may be inline (PrimeFaces components set style attributes); forms post to the portal itself, or
 * to Keycloak (a sign-in that expired while a form was open redirects there).
 */
@Named
@ApplicationScoped
public class ContentSecurityPolicy {

  /** Responses that are not pages (API answers, downloads) run nothing and embed nothing. */
  public static final String NOTHING_ACTIVE =
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  private final String policy;

  public ContentSecurityPolicy() {
    this(LogoutTokens.identityProvider());
  }

  ContentSecurityPolicy(String identityProvider) {
    URI provider = URI.create(identityProvider);
    String origin =
        provider.getScheme()
            + "://"
            + provider.getHost()
            + (provider.getPort() == -1 ? "" : ":" + provider.getPort());
    this.policy =
        "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'self'; "
            + "form-action 'self' "
            + origin
            + "; img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "connect-src 'self'; script-src 'self' 'strict-dynamic' 'unsafe-eval'";
  }

  /** The policy without its nonce, which PrimeFaces adds to {@code script-src} per response. */
  public String getPolicy() {
    return policy;
  }
}
