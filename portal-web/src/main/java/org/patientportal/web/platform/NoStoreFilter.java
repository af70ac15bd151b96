package org.patientportal.web.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Pages, API answers and messages' attachments may carry health information: no browser, proxy or
 * shared computer may keep a copy. (Static resources under /jakarta.faces.resource/ stay
 * cacheable.)
 */
@WebFilter(
    urlPatterns = {"*.xhtml", "/api/*", "/messages/attachment"},
    asyncSupported = true)
public class NoStoreFilter extends HttpFilter {

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("Pragma", "no-cache");
    chain.doFilter(req, res);
  }
}
