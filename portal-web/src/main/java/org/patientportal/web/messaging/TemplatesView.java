package org.patientportal.web.messaging;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Set;
import org.patientportal.care.entity.CarePool;
import org.patientportal.messaging.boundary.ReplyTemplates;
import org.patientportal.messaging.entity.NewTemplate;
import org.patientportal.messaging.entity.TemplateDetail;
import org.patientportal.shared.entity.DomainException;
import org.patientportal.web.layout.Notices;

/**
 * {@code account/templates.xhtml}: the quick replies a clinician or staff member can insert into a
 * reply, their own and their teams'; a new one, personal or for a team they work in; deleting one
 * they wrote. The boundary enforces who may do what; a refusal is shown next to its field.
 */
@Named
@ViewScoped
public class TemplatesView implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Set<String> FIELDS = Set.of("title", "text", "pool");

  @EJB ReplyTemplates templates;

  private transient List<TemplateDetail> list;
  private transient List<CarePool> teams;
  private String title;
  private String text;
  private String pool;

  public List<TemplateDetail> getTemplates() {
    if (list == null) {
      list = templates.mine();
    }
    return list;
  }

  public List<CarePool> getTeams() {
    if (teams == null) {
      teams = templates.teams();
    }
    return teams;
  }

  /** The name of the team a template is shared with (its code when the team is not one's own). */
  public String teamName(String code) {
    return getTeams().stream()
        .filter(t -> t.getCode().equals(code))
        .map(CarePool::getName)
        .findFirst()
        .orElse(code);
  }

  public void create() {
    try {
      templates.create(new NewTemplate(title, text, pool));
    } catch (DomainException e) {
      FieldErrors.show("template", FIELDS, e);
      return;
    }
    list = null;
    title = null;
    text = null;
    pool = null;
    Notices.info("templates.saved");
  }

  public void delete(long id) {
    try {
      templates.delete(id);
    } catch (DomainException e) {
      FieldErrors.show("templates", Set.of(), e);
      return;
    }
    list = null;
    Notices.info("templates.deleted");
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getPool() {
    return pool;
  }

  public void setPool(String pool) {
    this.pool = pool;
  }
}
