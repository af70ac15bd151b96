package org.patientportal.web.records;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.patientportal.records.boundary.MedicalRecord;
import org.patientportal.records.entity.FiledEntry;
import org.patientportal.shared.entity.ConflictException;
import org.patientportal.shared.entity.NotFoundException;

/**
 * {@code /records/fhir?id=N}: a filed record entry as FHIR R4 JSON, always as a download, never
 * cached, for the patient's care team (the boundary checks, verifies and audits; anyone else gets
 * the not-found page).
 */
@WebServlet("/records/fhir")
public class RecordDownloadServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @EJB MedicalRecord record;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    Long id = id(req.getParameter("id"));
    if (id == null) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    FiledEntry entry;
    try {
      entry = record.entry(id);
    } catch (NotFoundException e) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    } catch (ConflictException e) {
      res.sendError(HttpServletResponse.SC_CONFLICT);
      return;
    }
    byte[] json =
        RecordFhir.json(entry, RecordsResource.mrnSystem()).getBytes(StandardCharsets.UTF_8);
    res.setContentType(RecordFhir.MEDIA_TYPE + ";charset=UTF-8");
    res.setContentLength(json.length);
    res.setHeader(
        "Content-Disposition",
        "attachment; filename=\"record-" + id + "-v" + entry.getVersion() + ".fhir.json\"");
    res.setHeader(RecordsResource.SIGNING_KEY_HEADER, entry.getSigningKeyId());
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Cache-Control", "no-store");
    res.getOutputStream().write(json);
  }

  /** A positive entry id as a parameter gives it, or null for anything else. */
  static Long id(String id) {
    if (id == null || id.isBlank() || id.length() > 18) {
      return null;
    }
    try {
      long value = Long.parseLong(id.strip());
      return value > 0 ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
