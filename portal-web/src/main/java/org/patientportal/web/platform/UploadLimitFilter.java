package org.patientportal.web.platform;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * A form with files larger than the Faces servlet's multipart-config allows (web.xml) cannot be
 * read at all: the container refuses every parameter of that request from then on (CDI and Faces
 * included), and the browser would get a blank 500. This filter reads the parts first and, if they
 * are too large, sends the browser to a page that says so ({@code /errors/too-large.xhtml}, 303).
 */
@WebFilter(urlPatterns = "*.xhtml", dispatcherTypes = DispatcherType.REQUEST)
public class UploadLimitFilter extends HttpFilter {

  static final String PAGE = "/errors/too-large.xhtml";

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (isMultipartPost(req)) {
      try {
        req.getParts();
      } catch (IllegalStateException tooLarge) {
        res.setStatus(HttpServletResponse.SC_SEE_OTHER);
        res.setHeader("Location", req.getContextPath() + PAGE);
        res.setHeader("Connection", "close");
        return;
      }
    }
    chain.doFilter(req, res);
  }

  static boolean isMultipartPost(HttpServletRequest req) {
    String type = req.getContentType();
    return "POST".equals(req.getMethod())
        && type != null
        && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
  }
}
