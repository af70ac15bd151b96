package org.patientportal.web.identity;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.patientportal.identity.boundary.IdentityService;
import org.patientportal.identity.entity.PortalUser;
import org.patientportal.web.platform.LogoutTokens;

/** {@code account/account.xhtml}: the signed-in person's own record. */
@Named
@RequestScoped
public class AccountView {

  @EJB IdentityService identity;

  private PortalUser me;

  public PortalUser getMe() {
    if (me == null) {
      me = identity.me();
    }
    return me;
  }

  /**
   * Keycloak's account page where the user sets up (or removes) an authenticator app or a security
   * key and changes their password.
   */
  public String getSigningInUrl() {
    return LogoutTokens.identityProvider() + "/account/account-security/signing-in";
  }
}
