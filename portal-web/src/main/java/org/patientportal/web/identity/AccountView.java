package org.patientportal.web.identity;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.patientportal.identity.boundary.IdentityService;
import org.patientportal.identity.entity.PortalUser;

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
}
