package org.patientportal.web.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Access tokens are for the API alone ({@code /api/*}). WildFly's OIDC mechanism would accept an
 * {@code Authorization: Bearer} header on any path; on a page or a download it is refused here with
 * 401, before any view or the sign-in filter sees the request (a token carries no ID token, and a
 * sign-in from it must never touch the user's profile). The {@code access_token} query parameter is
 * switched off in the OIDC configuration (ignore-oauth-query-parameter), so it signs no one in
 * anywhere.
 */
public class PagesTakeNoTokensFilter extends HttpFilter {

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (hasBearerToken(req) && !RequestLimitFilter.isApi(req)) {
      res.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      res.setContentType("text/plain");
      res.setCharacterEncoding(StandardCharsets.UTF_8.name());
      res.getWriter().write("Pages take a browser sign-in, not an access token.");
      return;
    }
    chain.doFilter(req, res);
  }

  static boolean hasBearerToken(HttpServletRequest req) {
    String authorization = req.getHeader("Authorization");
    return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
  }
}
