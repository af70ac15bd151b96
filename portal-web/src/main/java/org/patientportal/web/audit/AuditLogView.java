package org.patientportal.web.audit;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.patientportal.audit.boundary.AuditService;
import org.patientportal.audit.entity.AuditAction;
import org.patientportal.audit.entity.AuditEntry;
import org.patientportal.audit.entity.AuditOutcome;
import org.patientportal.audit.entity.AuditQuery;
import org.patientportal.shared.entity.InvalidInputException;
import org.patientportal.web.layout.Times;

/**
 * {@code audit/log.xhtml}: the auditor's console. Searches the access log by patient, actor,
 * action, outcome and a time range (in the hospital's time zone), newest first, one page at a time
 * by sequence number (keyset paging: fast at any depth, nothing counts the log); shows an entry's
 * every field; exports the search as CSV or as a FHIR AuditEvent bundle. Every search and export is
 * audited by the boundary.
 */
@Named
@ViewScoped
public class AuditLogView implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int DEFAULT_PAGE_SIZE = 50;
  static final List<Integer> PAGE_SIZES = List.of(10, 25, 50, 100);
  static final String FORM = "search";

  @EJB AuditService audit;
  @Inject Times times;

  // the criteria as typed
  private String patient;
  private String actor;
  private AuditAction action;
  private AuditOutcome outcome;
  private String from;
  private String to;
  private int pageSize = DEFAULT_PAGE_SIZE;

  // the search shown, and where each page seen so far starts (null: the newest entry)
  private Criteria shown;
  private final ArrayList<Long> pageStarts = new ArrayList<>();
  private Long selected;
  // read again rather than kept in a serialised view
  private transient List<AuditEntry> entries;
  private transient boolean older;

  /** The criteria of a search that ran, kept for paging and exports. */
  record Criteria(
      String patient,
      String actor,
      AuditAction action,
      AuditOutcome outcome,
      Instant from,
      Instant to,
      int pageSize)
      implements Serializable {

    /** One page: one more entry than shown, to know whether an older page exists. */
    AuditQuery page(Long before) {
      return new AuditQuery(patient, actor, action, from, to, 0, pageSize + 1, outcome, before);
    }

    /** Everything matching, for an export. */
    AuditQuery all() {
      return new AuditQuery(patient, actor, action, from, to, 0, 1, outcome, null);
    }
  }

  /** Runs the search typed in, from its newest entry; a bad time is shown next to its field. */
  public void search() {
    ZoneId zone = times.getZone();
    Instant start = null;
    Instant end = null;
    boolean valid = true;
    try {
      start = start(from, zone);
    } catch (DateTimeParseException e) {
      valid = invalid("from", from, "audit.time.invalid");
    }
    try {
      end = end(to, zone);
    } catch (DateTimeParseException e) {
      valid = invalid("to", to, "audit.time.invalid");
    }
    if (valid && start != null && end != null && !start.isBefore(end)) {
      valid = invalid("to", to, "audit.time.order");
    }
    if (!valid) {
      return;
    }
    shown = new Criteria(patient, actor, action, outcome, start, end, pageSize);
    pageStarts.clear();
    pageStarts.add(null);
    selected = null;
    load();
  }

  /** The next page: entries older than the last one shown. */
  public void older() {
    List<AuditEntry> page = getEntries();
    if (!page.isEmpty() && isOlder()) {
      pageStarts.add(page.get(page.size() - 1).getSeq());
      selected = null;
      load();
    }
  }

  /** The page before this one. */
  public void newer() {
    if (pageStarts.size() > 1) {
      pageStarts.remove(pageStarts.size() - 1);
      selected = null;
      load();
    }
  }

  /** Back to the newest entries of the search. */
  public void newest() {
    pageStarts.clear();
    pageStarts.add(null);
    selected = null;
    load();
  }

  private void load() {
    if (shown == null) {
      shown = new Criteria(null, null, null, null, null, null, DEFAULT_PAGE_SIZE);
      pageStarts.clear();
      pageStarts.add(null);
    }
    try {
      List<AuditEntry> found = audit.search(shown.page(pageStarts.get(pageStarts.size() - 1)));
      older = found.size() > shown.pageSize();
      entries = older ? List.copyOf(found.subList(0, shown.pageSize())) : found;
    } catch (InvalidInputException e) {
      entries = List.of();
      older = false;
      error(null, e.getMessage());
    }
  }

  public List<AuditEntry> getEntries() {
    if (entries == null) {
      load();
    }
    return entries;
  }

  /** Whether there are older entries than this page's. */
  public boolean isOlder() {
    getEntries();
    return older;
  }

  /** Whether this is not the first page. */
  public boolean isNewer() {
    return pageStarts.size() > 1;
  }

  /** The number of the page shown, from 1. */
  public int getPageNumber() {
    return Math.max(1, pageStarts.size());
  }

  /** Shows the details of an entry of this page. */
  public void show(long seq) {
    selected = seq;
  }

  public void hide() {
    selected = null;
  }

  /** The entry whose details are shown, or null. */
  public AuditEntry getSelected() {
    if (selected == null) {
      return null;
    }
    return getEntries().stream().filter(e -> selected.equals(e.getSeq())).findFirst().orElse(null);
  }

  /** Downloads every entry of the search shown as CSV (the export is audited). */
  public void exportCsv() throws IOException {
    export("csv", "text/csv; charset=UTF-8", "csv");
  }

  /** Downloads every entry of the search shown as a FHIR AuditEvent bundle (audited). */
  public void exportFhir() throws IOException {
    export("fhir", AuditFhir.MEDIA_TYPE + "; charset=UTF-8", "fhir.json");
  }

  private void export(String format, String contentType, String extension) throws IOException {
    if (shown == null) {
      getEntries();
    }
    List<AuditEntry> all;
    try {
      all = audit.export(shown.all(), format);
    } catch (InvalidInputException e) {
      error(null, e.getMessage());
      return;
    }
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    external.responseReset();
    external.setResponseContentType(contentType);
    external.setResponseHeader("Content-Disposition", AuditResource.attachment(extension));
    external.setResponseHeader("X-Content-Type-Options", "nosniff");
    Writer out = external.getResponseOutputWriter();
    if (format.equals("csv")) {
      out.write(AuditCsv.write(all));
    } else {
      AuditFhir.write(all, Instant.now(), out);
    }
    out.flush();
    faces.responseComplete();
  }

  /**
   * The start of a range typed as a date ({@code 2026-11-25}: its first moment) or a date and time
   * ({@code 2026-11-25 14:30}) in {@code zone}; null for nothing typed.
   */
  static Instant start(String text, ZoneId zone) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    if (t.length() == 10) {
      return LocalDate.parse(t).atStartOfDay(zone).toInstant();
    }
    return LocalDateTime.parse(t.replace('T', ' '), MINUTES).atZone(zone).toInstant();
  }

  /**
   * The end of a range, not included: a date alone includes that whole day (the range ends at the
   * next day's start), a date and time ends just before that minute.
   */
  static Instant end(String text, ZoneId zone) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    if (t.length() == 10) {
      return LocalDate.parse(t).plusDays(1).atStartOfDay(zone).toInstant();
    }
    return start(t, zone);
  }

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

  /**
   * Marks a field invalid with a message next to it; it shows again what was typed (the model was
   * updated already, so that is given back to the input as its submitted value).
   */
  private boolean invalid(String field, String typed, String key) {
    FacesContext faces = FacesContext.getCurrentInstance();
    UIComponent input = faces.getViewRoot().findComponent(FORM + ":" + field);
    if (input instanceof UIInput in) {
      in.setSubmittedValue(typed);
      in.setValid(false);
    }
    error(FORM + ":" + field, text(key));
    faces.validationFailed();
    return false;
  }

  private static void error(String clientId, String text) {
    FacesContext.getCurrentInstance()
        .addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  private static String text(String key) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
    return bundle.getString(key);
  }

  public AuditAction[] getActions() {
    return AuditAction.values();
  }

  public AuditOutcome[] getOutcomes() {
    return AuditOutcome.values();
  }

  public List<Integer> getPageSizes() {
    return PAGE_SIZES;
  }

  public String getPatient() {
    return patient;
  }

  public void setPatient(String patient) {
    this.patient = patient;
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public AuditAction getAction() {
    return action;
  }

  public void setAction(AuditAction action) {
    this.action = action;
  }

  public AuditOutcome getOutcome() {
    return outcome;
  }

  public void setOutcome(AuditOutcome outcome) {
    this.outcome = outcome;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public int getPageSize() {
    return pageSize;
  }

  public void setPageSize(int pageSize) {
    this.pageSize = PAGE_SIZES.contains(pageSize) ? pageSize : DEFAULT_PAGE_SIZE;
  }
}
