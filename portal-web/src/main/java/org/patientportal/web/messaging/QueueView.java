package org.patientportal.web.messaging;

import jakarta.ejb.EJB;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.patientportal.identity.boundary.People;
import org.patientportal.messaging.boundary.MessagingService;
import org.patientportal.messaging.entity.Category;
import org.patientportal.messaging.entity.RequestStatus;
import org.patientportal.messaging.entity.ThreadListQuery;
import org.patientportal.messaging.entity.ThreadPage;
import org.patientportal.messaging.entity.ThreadStatus;
import org.patientportal.messaging.entity.ThreadSummary;
import org.patientportal.requests.entity.RequestType;
import org.patientportal.shared.entity.InvalidInputException;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * {@code messages/queue.xhtml}: the clinician's or staff member's work queue, oldest first by
 * default so the longest wait comes first, with filters by category, unread, done, age, patient,
 * request type and request status, and a search of subject words. The table is a PrimeFaces lazy
 * model over the same keyset pages as the API ({@link ThreadPages}): each page of the paginator is
 * one page read from its cursor, and the paginator knows the pages seen so far and whether one more
 * follows, never a count.
 */
@Named
@ViewScoped
public class QueueView implements Serializable {

  private static final long serialVersionUID = 1L;
  static final String TABLE = "results:threads";
  static final String FORM = "filters";
  static final int PAGE_SIZE = 20;

  @EJB MessagingService messaging;
  @Inject People people;

  /** The medical record numbers of the shown page's patients, by username (one query a page). */
  private transient Map<String, String> recordNumbers = Map.of();

  private Category category;
  private boolean unreadOnly;
  private boolean includeDone;
  private boolean newestFirst;
  private Integer waitingDays;
  private String patient;
  private String search;
  private RequestType requestType;
  private RequestStatus requestStatus;
  private ThreadPages pages;
  // a page's subjects are in clear text: read again rather than serialised with the session
  private transient LazyDataModel<ThreadSummary> threads;

  public LazyDataModel<ThreadSummary> getThreads() {
    if (threads == null) {
      threads = new Lazy();
    }
    return threads;
  }

  /**
   * Applies the filters: the queue is read again from its first page, in the order chosen. A search
   * without a word long enough is refused next to the search box.
   */
  public void apply() {
    try {
      pages = new ThreadPages(query());
    } catch (InvalidInputException e) {
      FieldErrors.show(FORM, Set.of("q", "patient"), e);
      return;
    }
    threads = null;
    UIComponent table = FacesContext.getCurrentInstance().getViewRoot().findComponent(TABLE);
    if (table instanceof DataTable dataTable) {
      dataTable.reset();
    }
  }

  private ThreadListQuery query() {
    Instant to = waitingDays == null ? null : Instant.now().minus(Duration.ofDays(waitingDays));
    ThreadListQuery query =
        new ThreadListQuery(
                category,
                unreadOnly,
                includeDone ? null : ThreadStatus.OPEN,
                null,
                to,
                patient,
                search,
                !newestFirst,
                null,
                PAGE_SIZE)
            .requests(requestType == null ? null : requestType.category(), requestStatus);
    if (query.search() != null) {
      // the boundary refuses a search without a word it can look for: ask once, here
      messaging.threads(
          new ThreadListQuery(null, false, null, null, null, null, query.search(), false, null, 1));
    }
    return query;
  }

  private ThreadPages pages() {
    if (pages == null) {
      pages = new ThreadPages(query());
    }
    return pages;
  }

  /** The lazy model: page n of the paginator is keyset page n, its cursor learnt on the way. */
  private final class Lazy extends LazyDataModel<ThreadSummary> {

    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return pages().rowEstimate();
    }

    @Override
    public List<ThreadSummary> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      ThreadPages walk = pages();
      ThreadPage page = walk.page(first / walk.size(), messaging::threads);
      setRowCount(walk.rowEstimate());
      recordNumbers =
          people.medicalRecordNumbers(
              page.getThreads().stream().map(ThreadSummary::getPatient).distinct().toList());
      return page.getThreads();
    }

    @Override
    public String getRowKey(ThreadSummary thread) {
      return String.valueOf(thread.getId());
    }

    @Override
    public ThreadSummary getRowData(String rowKey) {
      List<ThreadSummary> shown = getWrappedData();
      return shown == null
          ? null
          : shown.stream()
              .filter(t -> String.valueOf(t.getId()).equals(rowKey))
              .findFirst()
              .orElse(null);
    }
  }

  /**
   * The patient's medical record number, shown beside their name (two patients may share a name);
   * null when they have none, and the view shows their username instead.
   */
  public String patientMrn(ThreadSummary thread) {
    return recordNumbers == null ? null : recordNumbers.get(thread.getPatient());
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

  /** Only threads whose last activity is at least this many days old; null for any. */
  public Integer getWaitingDays() {
    return waitingDays;
  }

  public void setWaitingDays(Integer waitingDays) {
    this.waitingDays = waitingDays;
  }

  public String getPatient() {
    return patient;
  }

  public void setPatient(String patient) {
    this.patient = patient;
  }

  /** Only requests of this type; null for any thread. */
  public RequestType getRequestType() {
    return requestType;
  }

  public void setRequestType(RequestType requestType) {
    this.requestType = requestType;
  }

  /** Only requests in this status; null for any thread. */
  public RequestStatus getRequestStatus() {
    return requestStatus;
  }

  public void setRequestStatus(RequestStatus requestStatus) {
    this.requestStatus = requestStatus;
  }

  /** The statuses a request may be in, for the filter. */
  public List<RequestStatus> getRequestStatuses() {
    return List.of(RequestStatus.values());
  }

  public String getSearch() {
    return search;
  }

  public void setSearch(String search) {
    this.search = search;
  }
}
