package org.patientportal.web.records;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.patientportal.records.boundary.MedicalRecord;
import org.patientportal.web.records.RecordJson.Entry;

/**
 * {@code GET /patients/{username}/record}: the entries of a patient's medical record, newest first,
 * for their care team (anyone else: 404, audited). Each lists its FHIR download at {@code href}.
 */
@Path("patients/{username}/record")
@Produces(MediaType.APPLICATION_JSON)
public class PatientRecordResource {

  @EJB MedicalRecord record;

  @GET
  @Operation(summary = "The entries of a patient's medical record (their care team)")
  public List<Entry> entries(@PathParam("username") String username) {
    return record.entries(username).stream().map(Entry::of).toList();
  }
}
