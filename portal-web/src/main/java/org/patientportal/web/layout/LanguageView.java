package org.patientportal.web.layout;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.patientportal.identity.boundary.IdentityService;

/** The language of the views and the switch between English and Spanish. */
@Named
@RequestScoped
public class LanguageView {

  @Inject SessionUser user;
  @EJB IdentityService identity;

  private String chosen;

  public Locale getLocale() {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    List<Locale> browser =
        Collections.list(((jakarta.servlet.ServletRequest) external.getRequest()).getLocales());
    return user.locale(browser);
  }

  public String getLanguage() {
    return getLocale().getLanguage();
  }

  /** The user's choice: "en", "es", or "" to follow the browser. */
  public String getChosen() {
    if (chosen != null) {
      return chosen;
    }
    return user.getPreferredLanguage() == null ? "" : user.getPreferredLanguage();
  }

  public void setChosen(String chosen) {
    this.chosen = chosen;
  }

  /** Saves the choice on the user's record, so it follows them to other browsers, and reloads. */
  public void apply() throws IOException {
    String language = chosen == null || chosen.isBlank() ? null : chosen;
    identity.preferLanguage(language);
    user.languageChosen(language);
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    String view = FacesContext.getCurrentInstance().getViewRoot().getViewId();
    external.redirect(external.getRequestContextPath() + view);
  }
}
