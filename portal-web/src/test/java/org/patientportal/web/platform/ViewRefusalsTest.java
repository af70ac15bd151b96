package org.patientportal.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** How a refused view is named in the audit log: its path and query, and the patient it names. */
class ViewRefusalsTest {

  @Test
  void theTargetIsThePathWithItsQuery() {
    assertEquals(
        "/portal/messages/thread.xhtml?id=5",
        ViewRefusals.target("/portal/messages/thread.xhtml", "id=5"));
    assertEquals("/portal/audit/log.xhtml", ViewRefusals.target("/portal/audit/log.xhtml", null));
    assertEquals("/portal/audit/log.xhtml", ViewRefusals.target("/portal/audit/log.xhtml", ""));
  }

  @Test
  void thePatientIsTheParameterWhereOneIsGiven() {
    assertEquals("pat.jones", ViewRefusals.patient(" pat.jones "));
    assertNull(ViewRefusals.patient(" "));
    assertNull(ViewRefusals.patient(null));
  }
}
