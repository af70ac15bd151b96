package org.patientportal.web.platform;

import jakarta.faces.application.ViewExpiredException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.logging.Logger;

/**
 * A form sent from a view the server no longer holds (left open past the session, sent after a
 * restart, or with a made-up {@code jakarta.faces.ViewState}) is answered 400 with a page that says
 * so in the user's language and links to the page afresh, instead of a 500 with a stack trace in
 * the log. Any page, public or not: the role rules of web.xml have already run.
 */
@WebFilter(filterName = "ExpiredViewFilter", urlPatterns = "*.xhtml")
public class ExpiredViewFilter extends HttpFilter {

  static final String PAGE = "/errors/expired.xhtml";

  /** The request attribute holding the path of the page whose form had expired. */
  static final String EXPIRED_PAGE = "portalExpiredPage";

  private static final Logger LOG = Logger.getLogger(ExpiredViewFilter.class.getName());

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    try {
      chain.doFilter(req, res);
    } catch (ServletException | RuntimeException e) {
      if (!expired(e) || res.isCommitted()) {
        throw e;
      }
      LOG.fine(() -> "An expired or unknown view was posted to " + req.getRequestURI());
      res.reset();
      res.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      req.setAttribute(EXPIRED_PAGE, req.getRequestURI());
      req.getRequestDispatcher(PAGE).forward(new FreshRequest(req), res);
    }
  }

  /** Whether {@code thrown} is, or was caused by, a view that could not be restored. */
  static boolean expired(Throwable thrown) {
    Throwable t = thrown;
    for (int i = 0; t != null && i < 10; i++) {
      if (t instanceof ViewExpiredException) {
        return true;
      }
      Throwable next =
          t instanceof ServletException s && s.getRootCause() != null
              ? s.getRootCause()
              : t.getCause();
      t = next == t ? null : next;
    }
    return false;
  }

  /** The request as a plain GET without parameters, so that the page is rendered afresh. */
  static final class FreshRequest extends HttpServletRequestWrapper {

    FreshRequest(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getMethod() {
      return "GET";
    }

    @Override
    public String getParameter(String name) {
      return null;
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return Collections.emptyMap();
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.emptyEnumeration();
    }

    @Override
    public String[] getParameterValues(String name) {
      return null;
    }
  }
}
