package org.patientportal.web.messaging;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.patientportal.shared.entity.ForbiddenException;

/**
 * A refusal for lack of authority is never shown on a form as a message: it goes on to the views'
 * exception handler, which audits it and answers 403 (a view that catches the domain's refusals to
 * show them on its form no longer swallows it unaudited).
 */
class FieldErrorsTest {

  @Test
  void aForbiddenRefusalGoesOnToTheHandler() {
    ForbiddenException forbidden = new ForbiddenException("{requests.status.notYours}");
    assertSame(
        forbidden,
        assertThrows(
            ForbiddenException.class,
            () -> FieldErrors.show("form", Set.of("status", "note"), forbidden)));
  }
}
