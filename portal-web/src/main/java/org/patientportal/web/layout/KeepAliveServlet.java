package org.patientportal.web.layout;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * "Stay signed in" in the idle warning ({@code resources/portal/idle.js}): a request that touches
 * the browser session, so its idle time starts again, and answers 204. Only a signed-in session
 * reaches it (the views' security constraint); one that has ended is sent to sign in, which the
 * script takes as the end of the session. It changes nothing else, so it is a GET.
 */
@WebServlet(name = "KeepAliveServlet", urlPatterns = "/session/keepalive")
public class KeepAliveServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) {
    if (req.getSession(false) == null) {
      res.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    res.setHeader("Cache-Control", "no-store");
    res.setStatus(HttpServletResponse.SC_NO_CONTENT);
  }
}
