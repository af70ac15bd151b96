package org.patientportal.web.platform;

import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.el.ELException;
import jakarta.faces.FacesException;
import org.junit.jupiter.api.Test;
import org.patientportal.shared.entity.ConflictException;
import org.patientportal.shared.entity.NotFoundException;

/** The handler finds the domain's refusal inside the wrappers Faces, EL and EJB put around it. */
class DomainExceptionHandlerTest {

  @Test
  void theRefusalIsFoundInsideItsWrappers() {
    NotFoundException notFound = new NotFoundException("{messaging.thread.notFound}");
    assertSame(
        notFound,
        DomainExceptionHandler.unwrap(
            new FacesException(new ELException(new EJBException(notFound)))));
    ConflictException conflict = new ConflictException("x", "{messaging.guidelines.notAccepted}");
    assertSame(conflict, DomainExceptionHandler.unwrap(new ELException(conflict)));
    EJBAccessException role = new EJBAccessException("role");
    assertSame(role, DomainExceptionHandler.unwrap(new FacesException(role)));
  }

  @Test
  void anythingElseStaysAsItWasThrown() {
    FacesException unexpected = new FacesException(new IllegalStateException("boom"));
    assertSame(unexpected, DomainExceptionHandler.unwrap(unexpected));
    IllegalStateException plain = new IllegalStateException();
    assertSame(plain, DomainExceptionHandler.unwrap(plain));
  }
}
