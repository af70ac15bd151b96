package org.patientportal.web.messaging;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.patientportal.identity.entity.Roles;
import org.patientportal.messaging.boundary.MessagingService;
import org.patientportal.messaging.entity.ThreadSummary;
import org.patientportal.web.layout.SessionUser;

/**
 * {@code messages/inbox.xhtml}: the patient's conversations, unread first, then the latest. The
 * notification emails link here, for the care team too: they are sent on to their work queue.
 */
@Named
@ViewScoped
public class InboxView implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB MessagingService messaging;
  @Inject SessionUser user;

  // subjects in clear text: read again rather than serialised with the session
  private transient List<ThreadSummary> threads;

  /** The view action: a clinician or staff member (who is not a patient) works the queue. */
  public String careTeamToQueue() {
    boolean careTeam = user.hasRole(Roles.CLINICIAN) || user.hasRole(Roles.STAFF);
    return careTeam && !user.hasRole(Roles.PATIENT)
        ? "/messages/queue.xhtml?faces-redirect=true"
        : null;
  }

  public List<ThreadSummary> getThreads() {
    if (threads == null) {
      threads = messaging.myThreads();
    }
    return threads;
  }
}
