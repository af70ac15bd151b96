package org.patientportal.web.platform;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.patientportal.platform.boundary.Readiness;

/**
 * {@code GET /portal/health/ready}: whether the portal can serve, in the MicroProfile Health wire
 * format (200 and UP, or 503 and DOWN), for a load balancer. It says nothing but UP or DOWN, so it
 * needs no login. The server's own readiness (boot errors, deployments) is MicroProfile Health's
 * {@code /health/ready} on the management port; WildFly 39 does not collect health checks from an
 * EAR's modules (WFLY-12835), hence this one.
 */
@WebServlet("/health/ready")
public class ReadinessServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @EJB Readiness readiness;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    boolean database = readiness.databaseReady();
    String status = database ? "UP" : "DOWN";
    res.setStatus(
        database ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    res.setContentType("application/json");
    res.setHeader("Cache-Control", "no-store");
    res.getWriter()
        .write(
            "{\"status\":\"%s\",\"checks\":[{\"name\":\"database\",\"status\":\"%s\"}]}"
                .formatted(status, status));
  }
}
