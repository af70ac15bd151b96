package org.patientportal.web.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditOutcome;
import org.patientportal.audit.entity.AuditQuery;

class AuditLogViewTest {

  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void aDateAloneRunsFromItsFirstMomentToTheNextDaysInHospitalTime() {
    assertEquals(Instant.parse("2026-11-25T05:00:00Z"), AuditLogView.start("2026-11-25", NEW_YORK));
    assertEquals(Instant.parse("2026-11-26T05:00:00Z"), AuditLogView.end("2026-11-25", NEW_YORK));
  }

  @Test
  void aDateAndTimeIsThatMinuteInHospitalTime() {
    assertEquals(
        Instant.parse("2026-07-01T18:30:00Z"),
        AuditLogView.start(" 2026-07-01 14:30 ", NEW_YORK),
        "summer time: UTC-4");
    assertEquals(
        Instant.parse("2026-11-25T19:30:00Z"), AuditLogView.end("2026-11-25T14:30", NEW_YORK));
  }

  @Test
  void nothingTypedIsNoBound() {
    assertNull(AuditLogView.start(null, NEW_YORK));
    assertNull(AuditLogView.end("  ", NEW_YORK));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"yesterday", "25/11/2026", "2026-11-25 9:30", "2026-13-01", "2026-11-25 25:00"})
  void anythingElseIsRefused(String typed) {
    assertThrows(DateTimeParseException.class, () -> AuditLogView.start(typed, NEW_YORK));
    assertThrows(DateTimeParseException.class, () -> AuditLogView.end(typed, NEW_YORK));
  }

  @Test
  void aPageAsksForOneMoreEntryThanItShowsAndAnExportForEverything() {
    AuditLogView.Criteria criteria =
        new AuditLogView.Criteria(
            "pat.jones",
            null,
            AuditAction.MESSAGE_OPENED,
            AuditOutcome.DENIED,
            Instant.parse("2026-11-25T05:00:00Z"),
            null,
            25);
    AuditQuery page = criteria.page(900L);
    assertEquals(26, page.pageSize());
    assertEquals(900L, page.before());
    assertEquals(AuditOutcome.DENIED, page.outcome());
    AuditQuery all = criteria.all();
    assertNull(all.before());
    assertEquals("pat.jones", all.patient());
    assertEquals(Instant.parse("2026-11-25T05:00:00Z"), all.from());
  }
}
