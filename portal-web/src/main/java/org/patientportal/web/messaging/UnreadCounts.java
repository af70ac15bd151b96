package org.patientportal.web.messaging;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.MessageFormat;
import org.patientportal.identity.entity.Roles;
import org.patientportal.messaging.boundary.MessagingService;
import org.patientportal.web.layout.SessionUser;

/**
 * The unread counts the menu (on every page) and the home page show: a patient's unread
 * conversations, a clinician's or staff member's unread open threads of the work queue. Asked of
 * the boundary at most once per request, and only for roles that have threads (the count itself is
 * bounded: see {@link MessagingService#unreadCount()}). Screen readers hear the menu entry as
 * "Messages, 3 unread" (its aria-label, which starts with the entry's visible text); the number
 * shown beside the entry is hidden from them. The entry's own text stays "Messages".
 */
@Named
@RequestScoped
public class UnreadCounts {

  static final String INBOX = "/messages/inbox.xhtml";
  static final String QUEUE = "/messages/queue.xhtml";

  @EJB MessagingService messaging;
  @Inject SessionUser user;

  private Integer count;

  /** The count, up to {@link MessagingService#UNREAD_CAP} + 1 (0 for roles without threads). */
  public int getCount() {
    if (count == null) {
      count = hasThreads() ? messaging.unreadCount() : 0;
    }
    return count;
  }

  /** Whether the menu entry opening {@code outcome} shows the count (the inbox or the queue). */
  public boolean shows(String outcome) {
    return (INBOX.equals(outcome) || QUEUE.equals(outcome)) && hasThreads() && getCount() > 0;
  }

  /** The number as shown: "3", or "99+". */
  public String getText() {
    return text(getCount());
  }

  /** What a screen reader hears after the entry's name: ", 3 unread". */
  public String getSpoken() {
    return format("menu.unread", getText());
  }

  /** Whether the home page has a count to show. */
  public boolean isShown() {
    return hasThreads();
  }

  /** The home page's sentence: "You have 3 unread conversations." */
  public String getSentence() {
    int n = getCount();
    if (n > MessagingService.UNREAD_CAP) {
      return format("home.unread.many", MessagingService.UNREAD_CAP);
    }
    return format("home.unread", n);
  }

  /** Where the home page's count leads: the inbox for a patient, else the work queue. */
  public String getOutcome() {
    return user.hasRole(Roles.PATIENT) ? INBOX : QUEUE;
  }

  static String text(int count) {
    return count > MessagingService.UNREAD_CAP
        ? MessagingService.UNREAD_CAP + "+"
        : String.valueOf(count);
  }

  private boolean hasThreads() {
    return user.hasRole(Roles.PATIENT)
        || user.hasRole(Roles.CLINICIAN)
        || user.hasRole(Roles.STAFF);
  }

  private static String format(String key, Object... arguments) {
    FacesContext faces = FacesContext.getCurrentInstance();
    String pattern = faces.getApplication().getResourceBundle(faces, "msg").getString(key);
    return new MessageFormat(pattern, faces.getViewRoot().getLocale()).format(arguments);
  }
}
