package org.patientportal.web.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * API answers and attachment downloads are data, never a page: their Content-Security-Policy lets
 * nothing run, load or frame them, should a browser ever render one. (Pages get theirs from
 * PrimeFaces, see {@link ContentSecurityPolicy}.)
 */
@WebFilter(
    urlPatterns = {"/api/*", "/messages/attachment"},
    asyncSupported = true)
public class NothingActiveFilter extends HttpFilter {

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    res.setHeader("Content-Security-Policy", ContentSecurityPolicy.NOTHING_ACTIVE);
    chain.doFilter(req, res);
  }
}
