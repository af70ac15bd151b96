package org.patientportal.web.platform;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.patientportal.audit.boundary.AuditService;
import org.patientportal.platform.boundary.RequestOrigin;

/**
 * The views' refusals for lack of authority (403), written to the audit log as ACCESS_DENIED, as
 * the API's problem mapper writes its own: once per request, whichever of the two ways a view is
 * refused came first. A rule of the boundary (a role the EJB refused, a ForbiddenException) in a
 * view action or a JSF action is recorded by the views' exception handler ({@link
 * DomainExceptionHandler}) with the request's method, path and query ({@code POST
 * /portal/messages/thread.xhtml}); a role rule of web.xml, which refuses before any view runs, by
 * the forbidden page ({@code layout.ErrorView}) with the page's path and query. Either names the
 * patient a {@code patient} parameter names. A refusal as not found (404) is recorded by the
 * boundary that refuses, with the thread or record and its patient, in the views as in the API.
 */
@ApplicationScoped
public class ViewRefusals {

  /** The request attribute saying that the request's refusal is in the audit log already. */
  static final String RECORDED = ViewRefusals.class.getName() + ".recorded";

  /** Servlet 6.1's name for the refused request's query string, where the container sets it. */
  static final String ERROR_QUERY_STRING = "jakarta.servlet.error.query_string";

  @EJB AuditService audit;
  @Inject RequestOrigin origin;

  /** A refusal raised while a view handled the request (its view action or a JSF action). */
  public void refused(HttpServletRequest request) {
    String target = target(request.getRequestURI(), request.getQueryString());
    record(request, request.getMethod() + " " + target);
  }

  /**
   * The refusal the 403 page stands in for, when the container refused the page by its role rules
   * (nothing when the page is shown for a refusal already recorded, or not as an error page).
   */
  public void forbiddenPage(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri == null) {
      return;
    }
    Object query = request.getAttribute(ERROR_QUERY_STRING);
    if (query == null) {
      query = request.getQueryString();
    }
    record(request, target(uri.toString(), query == null ? null : query.toString()));
  }

  private void record(HttpServletRequest request, String resource) {
    if (request.getAttribute(RECORDED) != null || request.getUserPrincipal() == null) {
      return;
    }
    request.setAttribute(RECORDED, Boolean.TRUE);
    // a role rule of web.xml refuses before any filter has run, so the origin is taken here
    origin.set(request.getRemoteAddr(), request.getHeader("User-Agent"));
    audit.recordDenied(resource, patient(request.getParameter("patient")));
  }

  /** A path with its query, as the audit log names a refused page. */
  static String target(String path, String query) {
    return query == null || query.isEmpty() ? path : path + "?" + query;
  }

  /** The patient a {@code patient} parameter names, or null. */
  static String patient(String parameter) {
    return parameter == null || parameter.isBlank() ? null : parameter.strip();
  }
}
