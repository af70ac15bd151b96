package org.patientportal.messaging.entity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.patientportal.shared.entity.InvalidInputException;

/** Attachments are PDF, PNG or JPEG by their content, within the limits, with a safe name. */
class AttachmentPolicyTest {

  private final AttachmentPolicy policy = new AttachmentPolicy(1000, 2);

  private static NewAttachment file(String name, String content) {
    return new NewAttachment(name, content.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void typesAreKnownByContentNotByName() {
    assertEquals(
        Optional.of("application/pdf"), AttachmentPolicy.detectType("%PDF-1.7".getBytes()));
    assertEquals(
        Optional.of("image/png"),
        AttachmentPolicy.detectType(
            new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}));
    assertEquals(
        Optional.of("image/jpeg"),
        AttachmentPolicy.detectType(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0}));
    assertEquals(Optional.empty(), AttachmentPolicy.detectType("<html>".getBytes()));
    assertEquals(Optional.empty(), AttachmentPolicy.detectType(new byte[] {'%', 'P'}));
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class, () -> policy.check(List.of(file("scan.pdf", "MZ..."))));
    assertEquals("attachments", e.field());
  }

  @Test
  void sizeAndCountAreLimited() {
    assertDoesNotThrow(() -> policy.check(List.of(file("a.pdf", "%PDF-" + "x".repeat(995)))));
    assertThrows(
        InvalidInputException.class,
        () -> policy.check(List.of(file("a.pdf", "%PDF-" + "x".repeat(996)))));
    assertThrows(InvalidInputException.class, () -> policy.check(List.of(file("a.pdf", ""))));
    assertThrows(
        InvalidInputException.class,
        () -> policy.check(Collections.nCopies(3, file("a.pdf", "%PDF-1"))));
  }

  @Test
  void namesLoseFoldersAndControlCharacters() {
    assertEquals("scan.pdf", AttachmentPolicy.filename("C:\\Users\\pat\\scan.pdf"));
    assertEquals("scan.pdf", AttachmentPolicy.filename("../../etc/scan.pdf"));
    assertEquals("scan.pdf", AttachmentPolicy.filename("sc\u0000an.pdf\n"));
    assertThrows(InvalidInputException.class, () -> AttachmentPolicy.filename("../"));
    assertThrows(InvalidInputException.class, () -> AttachmentPolicy.filename(null));
    assertThrows(InvalidInputException.class, () -> AttachmentPolicy.filename("a".repeat(201)));
  }

  @Test
  void aStoredNameAgreesWithTheTypeTheContentShows() {
    assertEquals("results.pdf", AttachmentPolicy.filename("results.html", "application/pdf"));
    assertEquals("lab.pdf", AttachmentPolicy.filename("lab.cmd", "application/pdf"));
    assertEquals("scan.pdf", AttachmentPolicy.filename("scan", "application/pdf"));
    assertEquals("Scan.PDF", AttachmentPolicy.filename("Scan.PDF", "application/pdf"));
    assertEquals("x.pdf.pdf", AttachmentPolicy.filename("x.pdf.exe", "application/pdf"));
    assertEquals("photo.jpeg", AttachmentPolicy.filename("photo.jpeg", "image/jpeg"));
    assertEquals("photo.jpg", AttachmentPolicy.filename("photo.png", "image/jpeg"));
    assertEquals("photo.png", AttachmentPolicy.filename("photo.jpg", "image/png"));
    assertEquals("attachment.pdf", AttachmentPolicy.filename(".html", "application/pdf"));
    assertEquals(200, AttachmentPolicy.filename("a".repeat(197) + ".ex", "image/png").length());
    assertEquals(
        "radiografía.pdf", AttachmentPolicy.filename("radiografía.doc", "application/pdf"));
  }

  @Test
  void formatCharactersThatHideOrReorderANameAreRemoved() {
    // "invoice<RLO>fdp.exe" shows as "invoiceexe.pdf" in a right-to-left aware listing
    assertEquals("invoicefdp.exe", AttachmentPolicy.filename("invoice\u202Efdp.exe"));
    assertEquals(
        "invoicefdp.pdf", AttachmentPolicy.filename("invoice\u202Efdp.exe", "application/pdf"));
    assertEquals("ab.pdf", AttachmentPolicy.filename("a\u200Bb\u2066.pdf\uFEFF"));
    assertEquals("صورة.png", AttachmentPolicy.filename("\u200Fصورة.png", "image/png"));
    assertThrows(InvalidInputException.class, () -> AttachmentPolicy.filename("\u202E\u200B"));
  }
}
