package org.patientportal.web.platform;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.patientportal.platform.boundary.RequestOrigin;

/**
 * Tells the services where each request came from, for the audit log. Behind a proxy, WildFly's
 * proxy-address-forwarding makes {@code getRemoteAddr()} the client's address.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestOriginFilter extends HttpFilter {

  @Inject RequestOrigin origin;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    origin.set(req.getRemoteAddr(), req.getHeader("User-Agent"));
    chain.doFilter(req, res);
  }
}
