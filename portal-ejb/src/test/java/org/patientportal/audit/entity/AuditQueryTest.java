package org.patientportal.audit.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.patientportal.shared.entity.InvalidInputException;

class AuditQueryTest {

  @Test
  void theShortFormSearchesAnyOutcomeByPageNumber() {
    AuditQuery query = new AuditQuery(" pat.jones ", "", null, null, null, 2, 50);
    assertEquals("pat.jones", query.patient());
    assertNull(query.actor());
    assertNull(query.outcome());
    assertNull(query.before());
    assertEquals(
        "patient=pat.jones actor=null action=null outcome=null from=null to=null page=2",
        query.describe());
  }

  @Test
  void aKeysetPageDescribesWhereItStarts() {
    AuditQuery query =
        new AuditQuery(
            null,
            "dr.smith",
            AuditAction.MESSAGE_OPENED,
            Instant.parse("2026-11-25T09:00:00Z"),
            null,
            0,
            25,
            AuditOutcome.DENIED,
            1234L);
    assertEquals(
        "patient=null actor=dr.smith action=MESSAGE_OPENED outcome=DENIED"
            + " from=2026-11-25T09:00:00Z to=null before=1234",
        query.describe());
  }

  @Test
  void badPagingIsRefusedNamingTheField() {
    assertEquals(
        "before",
        assertThrows(
                InvalidInputException.class,
                () -> new AuditQuery(null, null, null, null, null, 0, 10, null, 0L))
            .field());
    assertEquals(
        "page",
        assertThrows(
                InvalidInputException.class,
                () -> new AuditQuery(null, null, null, null, null, 1, 10, null, 99L))
            .field());
    assertEquals(
        "from",
        assertThrows(
                InvalidInputException.class,
                () ->
                    new AuditQuery(
                        null,
                        null,
                        null,
                        Instant.parse("2026-11-25T10:00:00Z"),
                        Instant.parse("2026-11-25T09:00:00Z"),
                        0,
                        10))
            .field());
  }

  @Test
  void aPageWhoseOffsetOverflowsIsRefusedAsInput() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> new AuditQuery(null, null, null, null, null, Integer.MAX_VALUE / 10, 500));
    assertEquals("page", e.field());
    new AuditQuery(null, null, null, null, null, Integer.MAX_VALUE / 500, 500);
  }

  @Test
  void timesOutsideTheYears1900To9999AreRefusedAsInput() {
    Instant far = Instant.parse("+100000-01-01T00:00:00Z");
    assertEquals(
        "to",
        assertThrows(
                InvalidInputException.class,
                () -> new AuditQuery(null, null, null, null, far, 0, 10))
            .field());
    assertEquals(
        "from",
        assertThrows(
                InvalidInputException.class,
                () ->
                    new AuditQuery(
                        null, null, null, Instant.parse("1800-01-01T00:00:00Z"), null, 0, 10))
            .field());
  }
}
