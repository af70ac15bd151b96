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
 * HTTP session goes with it. The idle warning's script signs out the same way when the idle time is
 * up, with {@code why=idle} in the form, and the signed-out page then says why.
 */
@Named
@RequestScoped
public class SignOutView {

  public void signOut() throws ServletException, IOException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    ((HttpServletRequest) external.getRequest()).logout();
    external.invalidateSession();
    boolean idle = "idle".equals(external.getRequestParameterMap().get("why"));
    external.redirect(
        external.getRequestContextPath() + "/signed-out.xhtml" + (idle ? "?why=idle" : ""));
  }
}
