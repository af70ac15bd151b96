package org.patientportal.web.care;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.stream.Collectors;
import org.patientportal.care.entity.ProxyGrant;

/** How the proxy pages name a grant's scopes in the view's language: "Messages, Requests". */
@Named
@ApplicationScoped
public class ProxyLabels {

  /** The scopes of a grant, in their order, each in the view's language. */
  public String scopes(ProxyGrant grant) {
    FacesContext faces = FacesContext.getCurrentInstance();
    var bundle = faces.getApplication().getResourceBundle(faces, "msg");
    return grant.getScopes().stream()
        .map(s -> bundle.getString("proxies.scope." + s.name()))
        .collect(Collectors.joining(", "));
  }
}
