package org.patientportal.web.layout;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.patientportal.identity.entity.PortalUser;

/**
 * The person signed in to this browser session, as the views show them: filled once per session by
 * {@link SignInFilter} from the portal's record of them.
 */
@Named("user")
@SessionScoped
public class SessionUser implements Serializable {

  private static final long serialVersionUID = 1L;

  private String username;
  private String displayName;
  private List<String> roles = List.of();
  private String preferredLanguage;
  private Instant signedInAt;

  void signedIn(PortalUser user, List<String> portalRoles, Instant at) {
    this.signedInAt = at;
    this.username = user.getUsername();
    this.displayName = user.getDisplayName();
    this.roles = List.copyOf(portalRoles);
    this.preferredLanguage = user.getPreferredLanguage();
  }

  public boolean isSignedIn() {
    return username != null;
  }

  public void languageChosen(String language) {
    this.preferredLanguage = language;
  }

  /** The language of the views: the user's choice, else the browser's first supported one. */
  public Locale locale(List<Locale> browserLocales) {
    if (preferredLanguage != null) {
      return Locale.forLanguageTag(preferredLanguage);
    }
    return browserLocales.stream()
        .map(Locale::getLanguage)
        .filter(PortalUser.LANGUAGES::contains)
        .findFirst()
        .map(Locale::forLanguageTag)
        .orElse(Locale.ENGLISH);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public String getUsername() {
    return username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public List<String> getRoles() {
    return roles;
  }

  public String getPreferredLanguage() {
    return preferredLanguage;
  }

  /** When this browser session signed in (for its maximum length, {@link SessionLimits}). */
  public Instant getSignedInAt() {
    return signedInAt;
  }
}
