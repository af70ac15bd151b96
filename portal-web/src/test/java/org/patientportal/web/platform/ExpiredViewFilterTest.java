package org.patientportal.web.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

class ExpiredViewFilterTest {

  @Test
  void aViewThatCouldNotBeRestoredIsFoundInsideTheServletException() {
    assertTrue(
        ExpiredViewFilter.expired(
            new ServletException(
                "View could not be restored",
                new ViewExpiredException("viewId:/signed-out.xhtml", "/signed-out.xhtml"))));
    assertTrue(
        ExpiredViewFilter.expired(
            new FacesException(new ViewExpiredException("expired", "/x.xhtml"))));
  }

  @Test
  void anyOtherFailureIsLeftToTheErrorPage() {
    assertFalse(ExpiredViewFilter.expired(new ServletException(new IllegalStateException("x"))));
    assertFalse(ExpiredViewFilter.expired(new IllegalStateException("x")));
  }
}
