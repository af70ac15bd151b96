package org.patientportal.web.messaging;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Set;
import org.patientportal.identity.entity.Roles;
import org.patientportal.messaging.boundary.MessagingService;
import org.patientportal.messaging.entity.Box;
import org.patientportal.messaging.entity.ThreadListQuery;
import org.patientportal.messaging.entity.ThreadPage;
import org.patientportal.messaging.entity.ThreadSummary;
import org.patientportal.shared.entity.InvalidInputException;
import org.patientportal.web.layout.ActingFor;
import org.patientportal.web.layout.SessionUser;

/**
 * {@code messages/inbox.xhtml}: the patient's conversations (for a caregiver, those of the patient
 * they act for, {@link ActingFor}), the latest activity first, a page at a time, with a search of
 * subject words and an unread filter. The inbox is a list, not a table: it walks the same keyset
 * pages as the work queue ({@link ThreadPages}) with "Newer" and "Older" buttons, which is what
 * keyset paging can honestly offer (no page numbers, no count). The notification emails link here,
 * for the care team too: they are sent on to their work queue.
 */
@Named
@ViewScoped
public class InboxView implements Serializable {

  private static final long serialVersionUID = 1L;
  static final String FORM = "search";
  static final int PAGE_SIZE = 20;

  @EJB MessagingService messaging;
  @Inject SessionUser user;
  @Inject ActingFor acting;

  private String box;
  private String search;
  private boolean unreadOnly;
  private ThreadPages pages;
  private int index;
  // subjects in clear text: read again rather than serialised with the session
  private transient ThreadPage page;

  /** The view action: a clinician or staff member (who is not a patient) works the queue. */
  public String careTeamToQueue() {
    boolean careTeam = user.hasRole(Roles.CLINICIAN) || user.hasRole(Roles.STAFF);
    return careTeam && !user.hasRole(Roles.PATIENT)
        ? "/messages/queue.xhtml?faces-redirect=true"
        : null;
  }

  public List<ThreadSummary> getThreads() {
    if (page == null) {
      if (pages == null) {
        pages = new ThreadPages(query());
      }
      page = pages.page(index, messaging::threads);
    }
    return page.getThreads();
  }

  /** Whether the list is filtered (an empty page then means "no match", not "no messages"). */
  public boolean isFiltered() {
    return pages != null && (pages.query().search() != null || pages.query().unreadOnly());
  }

  /** Searches (or filters) from the first page; a search without a usable word is refused. */
  public void apply() {
    ThreadListQuery query = query();
    try {
      if (query.search() != null) {
        messaging.threads(query);
      }
    } catch (InvalidInputException e) {
      FieldErrors.show(FORM, Set.of("q"), e);
      return;
    }
    pages = new ThreadPages(query);
    index = 0;
    page = null;
  }

  public void older() {
    getThreads();
    if (pages.hasPageAfter(index)) {
      index++;
      page = null;
    }
  }

  public void newer() {
    if (index > 0) {
      index--;
      page = null;
    }
  }

  public boolean isOlder() {
    getThreads();
    return pages.hasPageAfter(index);
  }

  public boolean isNewer() {
    return index > 0;
  }

  /** The number of the page shown, from 1. */
  public int getPageNumber() {
    return index + 1;
  }

  private ThreadListQuery query() {
    return new ThreadListQuery(
            null, unreadOnly, null, null, null, acting.getPatient(), search, false, null, PAGE_SIZE)
        .in(getBoxShown());
  }

  /** The box shown: the inbox, unless the view's {@code box} parameter names another. */
  public Box getBoxShown() {
    try {
      return Box.parse("box", box);
    } catch (InvalidInputException e) {
      return Box.INBOX;
    }
  }

  /** The box shown as the end of its message keys: "inbox", "sent", "archived". */
  public String getBoxKey() {
    return getBoxShown().name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The boxes a reader may switch between (Sent and Archived are a patient's). */
  public List<Box> getBoxes() {
    return user.hasRole(Roles.PATIENT) ? List.of(Box.values()) : List.of(Box.INBOX);
  }

  /** The {@code box} parameter of the view (inbox, sent, archived). */
  public String getBox() {
    return box;
  }

  public void setBox(String box) {
    this.box = box;
  }

  public String getSearch() {
    return search;
  }

  public void setSearch(String search) {
    this.search = search;
  }

  public boolean isUnreadOnly() {
    return unreadOnly;
  }

  public void setUnreadOnly(boolean unreadOnly) {
    this.unreadOnly = unreadOnly;
  }
}
