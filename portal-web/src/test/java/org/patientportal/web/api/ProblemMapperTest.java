package org.patientportal.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.patientportal.shared.entity.InvalidInputException;
import org.patientportal.shared.entity.NotFoundException;

class ProblemMapperTest {

  private final ProblemMapper mapper = new ProblemMapper();

  @Test
  void anUnexpectedFailureAnswers500WithAnIncidentIdAndNeverItsOwnText() {
    Response response =
        mapper.toResponse(new IllegalStateException("row 42 of patient pat.jones: HIV status"));
    Problem problem = (Problem) response.getEntity();
    assertEquals(500, response.getStatus());
    assertEquals(Problem.MEDIA, response.getMediaType());
    assertFalse(problem.detail().contains("pat.jones"), problem.detail());
    assertTrue(problem.detail().matches(".*Incident [0-9a-f-]{36} .*"), problem.detail());
  }

  @Test
  void aDomainRefusalInsideAnEjbExceptionKeepsItsStatusAndMessage() {
    Response response =
        mapper.toResponse(new EJBException(new NotFoundException("There is no such thread.")));
    Problem problem = (Problem) response.getEntity();
    assertEquals(404, response.getStatus());
    assertEquals("/portal/problems/not-found", problem.type());
    assertEquals("There is no such thread.", problem.detail());
  }

  @Test
  void twoWritesToOneThreadAtOnceAnswer409NotAnIncident() {
    Response r =
        mapper.toResponse(
            new EJBException(
                new jakarta.persistence.OptimisticLockException("row count 0; expected 1")));
    assertEquals(409, r.getStatus());
    Problem p = (Problem) r.getEntity();
    assertEquals("concurrent-change", p.type().substring(p.type().lastIndexOf('/') + 1));
    assertFalse(p.detail().contains("row count"));
  }

  @Test
  void invalidInputNamesTheField() {
    Response response =
        mapper.toResponse(new InvalidInputException("body", "A message needs a body."));
    Problem problem = (Problem) response.getEntity();
    assertEquals(400, response.getStatus());
    assertEquals("body", problem.field());
  }

  @Test
  void aJaxRsClientErrorKeepsItsStatusWithAGenericText() {
    Response response =
        mapper.toResponse(new NotAllowedException("internal detail", "GET", new String[] {"POST"}));
    Problem problem = (Problem) response.getEntity();
    assertEquals(405, response.getStatus());
    assertFalse(problem.detail().contains("internal detail"));
    assertTrue(
        response.getHeaderString("Allow").contains("GET"),
        "a 405 says which methods there are (RFC 9110): " + response.getHeaders());
  }

  /** RESTEasy answers a query parameter it cannot convert as not found; it is a bad request. */
  @Test
  void aParameterThatCannotBeConvertedIsA400NamingIt() {
    Response response =
        mapper.toResponse(
            new jakarta.ws.rs.NotFoundException(
                "RESTEASY003870: Unable to extract parameter from http request:"
                    + " jakarta.ws.rs.QueryParam(\"page\") value is '3000000000'",
                new NumberFormatException("For input string: \"3000000000\"")));
    Problem problem = (Problem) response.getEntity();
    assertEquals(400, response.getStatus());
    assertEquals("page", problem.field());
    assertFalse(problem.detail().contains("3000000000"), problem.detail());
  }
}
