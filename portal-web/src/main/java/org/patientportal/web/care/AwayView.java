package org.patientportal.web.care;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.patientportal.care.boundary.AwayPeriods;
import org.patientportal.care.entity.AwayKind;
import org.patientportal.care.entity.AwayPeriod;
import org.patientportal.care.entity.NewAwayPeriod;
import org.patientportal.care.entity.Team;
import org.patientportal.shared.entity.DomainException;
import org.patientportal.web.layout.Notices;
import org.patientportal.web.messaging.FieldErrors;

/**
 * {@code account/away.xhtml}: a clinician's away periods and who covers, a new one, and deleting
 * one (the boundary enforces the role and the rules; a refusal is shown next to its field).
 */
@Named
@ViewScoped
public class AwayView implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Set<String> FIELDS = Set.of("from", "to", "kind", "cover");

  @EJB AwayPeriods away;

  private transient List<AwayPeriod> periods;
  private List<Team.Person> colleagues;
  private String from;
  private String to;
  private AwayKind kind = AwayKind.VACATION;
  private String cover;

  public List<AwayPeriod> getPeriods() {
    if (periods == null) {
      periods = away.mine();
    }
    return periods;
  }

  public List<Team.Person> getColleagues() {
    if (colleagues == null) {
      colleagues = away.colleagues();
    }
    return colleagues;
  }

  /** The display name of a colleague by username (the username when not a colleague any more). */
  public String colleagueName(String username) {
    return getColleagues().stream()
        .filter(p -> p.getUsername().equals(username))
        .map(Team.Person::getDisplayName)
        .findFirst()
        .orElse(username);
  }

  public void record() {
    try {
      away.record(
          new NewAwayPeriod(
              AwayResource.day("from", from), AwayResource.day("to", to), kind, cover));
    } catch (DomainException e) {
      FieldErrors.show("away", FIELDS, e);
      return;
    }
    periods = null;
    from = null;
    to = null;
    cover = null;
    Notices.info("away.saved");
  }

  public void delete(long id) {
    try {
      away.delete(id);
    } catch (DomainException e) {
      FieldErrors.show("periods", Set.of(), e);
      return;
    }
    periods = null;
    Notices.info("away.deleted");
  }

  public List<AwayKind> getKinds() {
    return List.of(AwayKind.values());
  }

  public String kindKey(AwayKind k) {
    return "away.kind." + k.name().toLowerCase(Locale.ROOT);
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public AwayKind getKind() {
    return kind;
  }

  public void setKind(AwayKind kind) {
    this.kind = kind;
  }

  public String getCover() {
    return cover;
  }

  public void setCover(String cover) {
    this.cover = cover;
  }
}
