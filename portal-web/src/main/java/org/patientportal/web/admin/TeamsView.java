package org.patientportal.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.patientportal.care.boundary.CareTeamAdmin;
import org.patientportal.care.entity.PoolRole;
import org.patientportal.care.entity.Team;
import org.patientportal.shared.entity.DomainException;
import org.patientportal.web.messaging.FieldErrors;

/**
 * {@code admin/teams.xhtml}: care teams for administrators: the list, a new team, and the chosen
 * team's name, lead, members and patients (the boundary enforces the role and the rules; web.xml
 * keeps everyone else off the page). A refusal is shown next to the field it names.
 */
@Named
@ViewScoped
public class TeamsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB CareTeamAdmin admin;

  private String code;
  private List<Team> teams;
  private Team team;

  private String newCode;
  private String newName;
  private String name;
  private String lead;
  private String memberUsername;
  private PoolRole memberRole = PoolRole.CLINICIAN;
  private String patientUsername;

  /** Reads the team the address names ({@code ?code=}), if any. */
  public void load() {
    if (code != null && !code.isBlank() && team == null) {
      try {
        select(admin.team(code));
      } catch (DomainException e) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(
            null,
            new FacesMessage(
                FacesMessage.SEVERITY_ERROR, e.message(faces.getViewRoot().getLocale()), null));
      }
    }
  }

  public List<Team> getTeams() {
    if (teams == null) {
      teams = admin.teams();
    }
    return teams;
  }

  public String create() {
    try {
      Team created = admin.create(newCode, newName);
      return "/admin/teams.xhtml?faces-redirect=true&code=" + created.getCode();
    } catch (DomainException e) {
      FieldErrors.show("create", Set.of("code", "name"), e);
      return null;
    }
  }

  public void change() {
    act("team", Set.of("name", "lead"), () -> admin.change(team.getCode(), null, name, lead));
  }

  public void addMember() {
    act(
        "member",
        Set.of("username", "role"),
        () -> admin.addMember(team.getCode(), memberUsername, memberRole));
    if (!FacesContext.getCurrentInstance().isValidationFailed()) {
      memberUsername = null;
    }
  }

  public void removeMember(String username) {
    act("members", Set.of(), () -> admin.removeMember(team.getCode(), username));
  }

  public void addPatient() {
    act("patient", Set.of("username"), () -> admin.addPatient(team.getCode(), patientUsername));
    if (!FacesContext.getCurrentInstance().isValidationFailed()) {
      patientUsername = null;
    }
  }

  public void removePatient(String username) {
    act("patients", Set.of(), () -> admin.removePatient(team.getCode(), username));
  }

  private void act(String form, Set<String> fields, java.util.function.Supplier<Team> change) {
    try {
      select(change.get());
      teams = null;
      FacesContext faces = FacesContext.getCurrentInstance();
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_INFO,
              faces.getApplication().getResourceBundle(faces, "msg").getString("teams.saved"),
              null));
    } catch (DomainException e) {
      FieldErrors.show(form, fields, e);
    }
  }

  private void select(Team t) {
    team = t;
    code = t.getCode();
    name = t.getName();
    lead = t.getLead();
  }

  public List<PoolRole> getRoles() {
    return List.of(PoolRole.values());
  }

  /** The role's label key, e.g. {@code teams.role.clinician}. */
  public String roleKey(PoolRole role) {
    return role == null ? "" : "teams.role." + role.name().toLowerCase(Locale.ROOT);
  }

  public Team getTeam() {
    return team;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getNewCode() {
    return newCode;
  }

  public void setNewCode(String newCode) {
    this.newCode = newCode;
  }

  public String getNewName() {
    return newName;
  }

  public void setNewName(String newName) {
    this.newName = newName;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getLead() {
    return lead;
  }

  public void setLead(String lead) {
    this.lead = lead;
  }

  public String getMemberUsername() {
    return memberUsername;
  }

  public void setMemberUsername(String memberUsername) {
    this.memberUsername = memberUsername;
  }

  public PoolRole getMemberRole() {
    return memberRole;
  }

  public void setMemberRole(PoolRole memberRole) {
    this.memberRole = memberRole;
  }

  public String getPatientUsername() {
    return patientUsername;
  }

  public void setPatientUsername(String patientUsername) {
    this.patientUsername = patientUsername;
  }
}
