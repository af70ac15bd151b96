package org.patientportal.web.identity;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.patientportal.audit.boundary.AuditService;
import org.patientportal.messaging.boundary.ThreadTitles;

/**
 * {@code account/access-log.xhtml}: the patient's own access report, who opened their messages and
 * when, each conversation named by its subject and date (the boundaries give only the caller's
 * own).
 */
@Named
@ViewScoped
public class AccessLogView implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int SIZE = ThreadTitles.MAX_ITEMS;

  @EJB AuditService audit;
  @EJB ThreadTitles titles;

  private List<AccessLine> lines;

  public List<AccessLine> getLines() {
    if (lines == null) {
      lines = AccessLine.of(audit.myAccessLog(0, SIZE), titles);
    }
    return lines;
  }
}
