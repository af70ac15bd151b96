package org.patientportal.web.care;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.patientportal.care.entity.ProxyGrant;
import org.patientportal.care.entity.ProxyScope;
import org.patientportal.identity.boundary.People;
import org.patientportal.proxy.boundary.ProxyGrants;
import org.patientportal.web.layout.ActingFor;

/**
 * {@code account/acting-for.xhtml}: the patients a caregiver may act for now (name, what, until
 * when), and the choice of one for this session ({@link ActingFor}); the caregiver then goes on to
 * the first page the grant opens.
 */
@Named
@RequestScoped
public class ActingForView {

  @EJB ProxyGrants grants;
  @Inject People people;
  @Inject ActingFor acting;

  private List<ProxyGrant> list;
  private Map<String, String> names;

  /** The grants in force, one per patient (the newest). */
  public List<ProxyGrant> getGrants() {
    if (list == null) {
      list =
          grants.actingFor().stream()
              .collect(
                  Collectors.toMap(
                      ProxyGrant::getPatient,
                      g -> g,
                      (newer, older) -> newer,
                      java.util.LinkedHashMap::new))
              .values()
              .stream()
              .toList();
      names = people.displayNames(list.stream().map(ProxyGrant::getPatient).toList());
    }
    return list;
  }

  /** The display name of a patient of the list. */
  public String name(String patient) {
    getGrants();
    return names.getOrDefault(patient, patient);
  }

  /** Whether the caregiver acts for {@code patient} now. */
  public boolean isChosen(String patient) {
    return patient.equals(acting.getPatient());
  }

  /**
   * Acts for {@code patient} (if their grant is still in force) and opens their messages, or their
   * requests when the grant does not cover messages.
   */
  public String choose(String patient) {
    Optional<ProxyGrant> grant =
        getGrants().stream().filter(g -> g.getPatient().equals(patient)).findFirst();
    if (grant.isEmpty()) {
      return acting.ended();
    }
    acting.choose(grant.get(), name(patient));
    if (grant.get().getScopes().contains(ProxyScope.MESSAGING)) {
      return "/messages/inbox.xhtml?faces-redirect=true";
    }
    if (grant.get().getScopes().contains(ProxyScope.REQUESTS)) {
      return "/requests/list.xhtml?faces-redirect=true";
    }
    return "/index.xhtml?faces-redirect=true";
  }
}
