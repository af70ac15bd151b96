package org.patientportal.web.records;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.patientportal.records.boundary.MedicalRecord;
import org.patientportal.records.entity.Amendable;
import org.patientportal.shared.entity.ConflictException;
import org.patientportal.shared.entity.InvalidInputException;
import org.patientportal.shared.entity.NotFoundException;
import org.patientportal.web.messaging.FieldErrors;

/**
 * {@code records/amend.xhtml?entry=N}: a clinician of the thread's care team amends the latest
 * version of a record entry: chooses the thread's messages the new version holds, says why, and
 * confirms; the new version is filed (sealed, signed and audited as FILED, as the API files it) and
 * the record page shows it, the old version marked superseded. The boundary refuses everyone else:
 * staff who are not clinicians get the forbidden page, a clinician of another team the not-found
 * page (audited); a refusal of the form's input is shown next to its field.
 */
@Named
@ViewScoped
public class AmendView implements Serializable {

  private static final long serialVersionUID = 1L;
  static final String FORM = "amend";

  @EJB MedicalRecord record;

  private String entry;
  private Long entryId;
  // the entry as filed is health information: opened again rather than kept in the session
  private transient Amendable amendable;
  private List<String> messageIds;
  private String reason;
  private boolean confirmed;

  /** The view action: opens the entry to amend, its messages chosen as they were filed. */
  public void open() {
    Long id = RecordDownloadServlet.id(entry);
    if (id == null) {
      throw new NotFoundException("{records.entry.notFound}");
    }
    amendable = record.amendable(id);
    entryId = id;
    if (messageIds == null) {
      messageIds = new ArrayList<>(amendable.getFiledIds());
    }
  }

  public Amendable getAmendable() {
    if (amendable == null && entryId != null) {
      amendable = record.amendable(entryId);
    }
    return amendable;
  }

  /**
   * Files the new version, then shows the record page with it. Without the confirmation, or with a
   * refused input (no reason, a message of another thread), the form shows why next to the field.
   */
  public String amend() {
    if (!confirmed) {
      FacesContext faces = FacesContext.getCurrentInstance();
      String id = FORM + ":confirm";
      if (faces.getViewRoot().findComponent(id) instanceof UIInput input) {
        input.setValid(false);
      }
      faces.addMessage(id, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(faces), null));
      faces.validationFailed();
      return null;
    }
    Amendable shown = getAmendable();
    List<Long> ids = new ArrayList<>();
    if (messageIds != null) {
      for (Object chosen : (List<?>) messageIds) {
        ids.add(Long.valueOf(String.valueOf(chosen)));
      }
    }
    try {
      record.file(shown.getEntry().getThreadId(), ids, entryId, reason);
    } catch (InvalidInputException | ConflictException e) {
      FieldErrors.show(FORM, Set.of("messageIds", "reason"), e);
      return null;
    }
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.getExternalContext().getFlash().setKeepMessages(true);
    faces.addMessage(
        null,
        new FacesMessage(
            FacesMessage.SEVERITY_INFO,
            faces.getApplication().getResourceBundle(faces, "msg").getString("record.amended"),
            null));
    return "/records/record.xhtml?faces-redirect=true&patient=" + shown.getEntry().getPatient();
  }

  private static String text(FacesContext faces) {
    return faces
        .getApplication()
        .getResourceBundle(faces, "msg")
        .getString("amend.confirm.required");
  }

  public String getEntry() {
    return entry;
  }

  public void setEntry(String entry) {
    this.entry = entry;
  }

  public List<String> getMessageIds() {
    return messageIds;
  }

  public void setMessageIds(List<String> messageIds) {
    this.messageIds = messageIds;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public boolean isConfirmed() {
    return confirmed;
  }

  public void setConfirmed(boolean confirmed) {
    this.confirmed = confirmed;
  }

  /** The longest reason the boundary takes, for the text area. */
  public int getMaxReason() {
    return MedicalRecord.MAX_REASON;
  }
}
