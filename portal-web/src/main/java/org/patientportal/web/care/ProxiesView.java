package org.patientportal.web.care;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.patientportal.care.entity.ProxyGrant;
import org.patientportal.care.entity.ProxyScope;
import org.patientportal.proxy.boundary.ProxyGrants;

/**
 * {@code account/proxies.xhtml}: the access a patient gave caregivers (and staff set up for them),
 * a new grant to a caregiver, and revoking one.
 */
@Named
@ViewScoped
public class ProxiesView extends GrantsForm {

  private static final long serialVersionUID = 1L;

  @EJB ProxyGrants proxies;

  @Override
  protected List<ProxyGrant> load() {
    return proxies.given();
  }

  @Override
  protected void create(String proxy, Set<ProxyScope> scopes, Instant expiresAt) {
    proxies.grant(proxy, scopes, expiresAt);
  }

  @Override
  protected void end(long id) {
    proxies.revoke(id);
  }
}
