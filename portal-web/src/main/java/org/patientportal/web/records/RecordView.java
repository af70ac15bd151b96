package org.patientportal.web.records;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.patientportal.records.boundary.MedicalRecord;
import org.patientportal.records.entity.FiledEntry;
import org.patientportal.shared.entity.NotFoundException;

/**
 * {@code records/record.xhtml?patient=username}: a patient's medical record as their care team sees
 * it: the filed entries, newest first, each downloadable as FHIR JSON. Anyone else gets the
 * not-found page (the boundary refuses and audits).
 */
@Named
@ViewScoped
public class RecordView implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB MedicalRecord record;

  private String patient;
  // health information: never serialised with the session; listed (and audited) again if needed
  private transient List<FiledEntry> entries;

  /** The view action: lists the patient's entries (refused as not found for anyone else). */
  public void open() {
    if (patient == null || patient.isBlank() || patient.length() > 64) {
      throw new NotFoundException("{records.patient.notFound}");
    }
    entries = record.entries(patient.strip());
  }

  public List<FiledEntry> getEntries() {
    if (entries == null && patient != null) {
      open();
    }
    return entries;
  }

  /** The patient's name as the entries give it, else the username. */
  public String getPatientName() {
    List<FiledEntry> shown = getEntries();
    return shown == null
        ? patient
        : shown.stream()
            .filter(FiledEntry::isIntact)
            .map(e -> e.getContent().patientName())
            .findFirst()
            .orElse(patient);
  }

  public String getPatient() {
    return patient;
  }

  public void setPatient(String patient) {
    this.patient = patient;
  }
}
