package org.patientportal.web.records;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.patientportal.records.boundary.MedicalRecord;
import org.patientportal.records.entity.FiledEntry;
import org.patientportal.web.records.RecordJson.EntryOut;

/**
 * The medical record over the API, for the patient's care team: {@code GET /records/{id}} (JSON, or
 * with {@code Accept: application/fhir+json} the FHIR R4 Bundle of Communication resources) and
 * {@link PatientRecordResource} (the entries, newest first). The boundary decides who may read,
 * verifies every entry and audits each read.
 */
@Path("records")
@Produces(MediaType.APPLICATION_JSON)
public class RecordsResource {

  /** The header of an entry's download naming the key that signed it. */
  static final String SIGNING_KEY_HEADER = "Record-Signing-Key-Id";

  @EJB MedicalRecord record;

  @GET
  @Path("{id}")
  @Operation(summary = "A filed record entry, verified (its patient's care team)")
  public EntryOut entry(@PathParam("id") long id) {
    return EntryOut.of(record.entry(id));
  }

  @GET
  @Path("{id}")
  @Produces(RecordFhir.MEDIA_TYPE + ";qs=0.5")
  @Operation(summary = "A filed record entry as a FHIR R4 Bundle of Communication resources")
  public Response fhir(@PathParam("id") long id) {
    FiledEntry entry = record.entry(id);
    return Response.ok(
            RecordFhir.json(entry, mrnSystem()), RecordFhir.MEDIA_TYPE + "; charset=UTF-8")
        .header(
            "Content-Disposition",
            "attachment; filename=\"record-" + id + "-v" + entry.getVersion() + ".fhir.json\"")
        .header(SIGNING_KEY_HEADER, entry.getSigningKeyId())
        .build();
  }

  static String mrnSystem() {
    return ConfigProvider.getConfig()
        .getOptionalValue("portal.mrn-system", String.class)
        .orElse(RecordFhir.DEFAULT_MRN_SYSTEM);
  }
}
