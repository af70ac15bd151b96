package org.patientportal.web.identity;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.patientportal.audit.boundary.AuditService;
import org.patientportal.audit.entity.AccessReportLine;

/**
 * {@code account/access-log.xhtml}: the patient's own access report, who opened their messages and
 * when (the boundary gives only the caller's own).
 */
@Named
@ViewScoped
public class AccessLogView implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int SIZE = 500;

  @EJB AuditService audit;

  private List<AccessReportLine> lines;

  public List<AccessReportLine> getLines() {
    if (lines == null) {
      lines = audit.myAccessLog(0, SIZE);
    }
    return lines;
  }
}
