package org.patientportal.it.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patientportal.it.support.Messages;
import org.patientportal.it.support.Portal;

/**
 * An attachment's stored name agrees with the type its content shows, and loses the characters that
 * hide or reorder text: what the care team sees and downloads is what the file is.
 */
class AttachmentNamesIT {

  @BeforeAll
  static void guidelinesAccepted() {
    Messages.acceptGuidelines("pat.jones");
  }

  @Test
  void aPdfNamedAsAPageOrACommandIsStoredAsPdfAndFormatCharactersAreRemoved() {
    byte[] pdf = Messages.pdf("lab results");
    Map<String, Object> draft =
        Messages.draft("dr.smith", "TEST_RESULT", Messages.marker("names"), "My results.", false);
    draft.put(
        "attachments",
        List.of(
            Messages.file("results.html", pdf),
            Messages.file("lab.cmd", pdf),
            Messages.file("invoice\u202Efdp.exe", pdf),
            Messages.file("radiograf\u00eda\u200B.pdf", pdf)));
    long id = Messages.start("pat.jones", draft);

    JsonNode files =
        Portal.json(Portal.get("/threads/" + id, "dr.smith").body())
            .get("messages")
            .get(0)
            .get("attachments");
    List<String> names = new ArrayList<>();
    files.forEach(f -> names.add(f.get("filename").asText()));
    assertEquals(List.of("results.pdf", "lab.pdf", "invoicefdp.pdf", "radiografía.pdf"), names);
    files.forEach(f -> assertEquals("application/pdf", f.get("contentType").asText()));

    HttpResponse<byte[]> download =
        Portal.getBytes(
            files.get(0).get("href").asText().replaceFirst("^/portal/api/v1", ""), "dr.smith");
    assertEquals(200, download.statusCode());
    String disposition = download.headers().firstValue("Content-Disposition").orElseThrow();
    assertTrue(disposition.contains("filename=\"results.pdf\""), disposition);
  }
}
