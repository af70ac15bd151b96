package org.patientportal.web.messaging;

import jakarta.ejb.EJB;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.patientportal.messaging.boundary.MessagingService;
import org.patientportal.messaging.entity.Category;
import org.patientportal.messaging.entity.QueueFilter;
import org.patientportal.messaging.entity.ThreadSummary;
import org.primefaces.component.datatable.DataTable;

/**
 * {@code messages/queue.xhtml}: the clinician's or staff member's work queue, oldest first by
 * default so the longest wait comes first, with filters by category, unread and done.
 */
@Named
@ViewScoped
public class QueueView implements Serializable {

  private static final long serialVersionUID = 1L;
  static final String TABLE = "results:threads";

  @EJB MessagingService messaging;

  private Category category;
  private boolean unreadOnly;
  private boolean includeDone;
  private boolean newestFirst;
  // subjects in clear text: read again rather than serialised with the session
  private transient List<ThreadSummary> threads;

  public List<ThreadSummary> getThreads() {
    if (threads == null) {
      QueueFilter filter = new QueueFilter();
      filter.setCategory(category);
      filter.setUnreadOnly(unreadOnly);
      filter.setIncludeDone(includeDone);
      filter.setNewestFirst(newestFirst);
      threads = messaging.queue(filter);
    }
    return threads;
  }

  /**
   * Applies the filters: the queue is read again in the order chosen, from its first page, without
   * a column sort left over from before.
   */
  public void apply() {
    threads = null;
    UIComponent table = FacesContext.getCurrentInstance().getViewRoot().findComponent(TABLE);
    if (table instanceof DataTable dataTable) {
      dataTable.reset();
    }
  }

  public Category getCategory() {
    return category;
  }

  public void setCategory(Category category) {
    this.category = category;
  }

  public boolean isUnreadOnly() {
    return unreadOnly;
  }

  public void setUnreadOnly(boolean unreadOnly) {
    this.unreadOnly = unreadOnly;
  }

  public boolean isIncludeDone() {
    return includeDone;
  }

  public void setIncludeDone(boolean includeDone) {
    this.includeDone = includeDone;
  }

  public boolean isNewestFirst() {
    return newestFirst;
  }

  public void setNewestFirst(boolean newestFirst) {
    this.newestFirst = newestFirst;
  }
}
