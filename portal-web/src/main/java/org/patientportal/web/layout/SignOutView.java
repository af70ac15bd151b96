package org.patientportal.web.layout;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * Signs out of the portal and of Keycloak: {@code logout()} makes WildFly's OIDC client end the
 * Keycloak session (a back-channel call with the session's refresh token) and drop the tokens; the
 * HTTP session goes with it.
 */
@Named
@RequestScoped
public class SignOutView {

  public void signOut() throws ServletException, IOException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    ((HttpServletRequest) external.getRequest()).logout();
    external.invalidateSession();
    external.redirect(external.getRequestContextPath() + "/signed-out.xhtml");
  }
}
