package org.patientportal.web.audit;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.ToLongFunction;
import org.patientportal.audit.boundary.AuditReports;
import org.patientportal.audit.entity.AccessRules;
import org.patientportal.audit.entity.DailyActivity;
import org.patientportal.audit.entity.UnusualAccess;
import org.patientportal.audit.entity.UnusualAccessReport;
import org.patientportal.shared.entity.DomainException;
import org.patientportal.shared.entity.Jsonp;
import org.patientportal.web.layout.Times;

/**
 * {@code audit/reports.xhtml}: the auditor's reports. Accesses and refusals per day as charts with
 * the same numbers in tables, and the unusual-access report on demand. Days are the hospital's
 * ({@link Times#getZone()}, PORTAL_TIME_ZONE), for what is typed as for what is shown. web.xml
 * keeps everyone but auditors off the page; the boundary checks again and audits every run.
 */
@Named
@ViewScoped
public class AuditReportsView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Bar colours with at least 3:1 contrast on white (WCAG 1.4.11). */
  private static final String ACCESS_COLOUR = "#1f5f8b";

  private static final String REFUSED_COLOUR = "#a4262c";

  @EJB AuditReports reports;
  @Inject Times times;

  private LocalDate activityFrom;
  private LocalDate activityTo;
  private List<DailyActivity> days;

  private LocalDate unusualFrom;
  private LocalDate unusualTo;
  private UnusualAccessReport report;

  /** Shows the activity of the chosen days (the last 30 by default). */
  public void showActivity() {
    if (activityFrom != null
        && activityTo != null
        && !validRange(
            "activity:from",
            "activity:to",
            activityFrom,
            activityTo,
            AuditReports.MAX_ACTIVITY_DAYS)) {
      return;
    }
    try {
      days = reports.activity(activityFrom, activityTo);
      activityFrom = days.get(0).getDay();
      activityTo = days.get(days.size() - 1).getDay();
    } catch (DomainException e) {
      error(null, e.getMessage());
    }
  }

  /**
   * Runs the unusual-access report over the chosen days of the hospital (the last 7 by default).
   */
  public void runUnusualAccess() {
    LocalDate last = unusualTo != null ? unusualTo : today();
    LocalDate first = unusualFrom != null ? unusualFrom : last.minusDays(6);
    if (!validRange(
        "unusual:from", "unusual:to", first, last, (int) AuditReports.MAX_UNUSUAL_RANGE.toDays())) {
      return;
    }
    unusualFrom = first;
    unusualTo = last;
    try {
      report =
          reports.unusualAccess(
              first.atStartOfDay(times.getZone()).toInstant(),
              last.plusDays(1).atStartOfDay(times.getZone()).toInstant());
    } catch (DomainException e) {
      error(null, e.getMessage());
    }
  }

  private boolean validRange(
      String fromId, String toId, LocalDate first, LocalDate last, int maxDays) {
    if (first.isAfter(last)) {
      error(fromId, text("reports.error.order"));
      return false;
    }
    if (ChronoUnit.DAYS.between(first, last) >= maxDays) {
      error(toId, text("reports.error.tooLong").replace("{0}", String.valueOf(maxDays)));
      return false;
    }
    return true;
  }

  private LocalDate today() {
    return LocalDate.ofInstant(Instant.now(), times.getZone());
  }

  private static void error(String clientId, String text) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    faces.validationFailed();
  }

  private static String text(String key) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
    return bundle.getString(key);
  }

  public List<DailyActivity> getDays() {
    if (days == null) {
      showActivity();
      if (days == null) {
        days = List.of();
      }
    }
    return days;
  }

  public long getTotalAccesses() {
    return getDays().stream().mapToLong(DailyActivity::getAccesses).sum();
  }

  public long getTotalRefused() {
    return getDays().stream().mapToLong(DailyActivity::getRefused).sum();
  }

  /** The Chart.js configuration of the accesses chart, for p:chart. */
  public String getAccessesChart() {
    return barChart(text("reports.accesses"), ACCESS_COLOUR, DailyActivity::getAccesses);
  }

  /** The Chart.js configuration of the refusals chart, for p:chart. */
  public String getRefusedChart() {
    return barChart(text("reports.refused"), REFUSED_COLOUR, DailyActivity::getRefused);
  }

  private String barChart(String label, String colour, ToLongFunction<DailyActivity> value) {
    JsonArrayBuilder labels = Jsonp.array();
    JsonArrayBuilder data = Jsonp.array();
    for (DailyActivity d : getDays()) {
      labels.add(d.getDay().toString());
      data.add(value.applyAsLong(d));
    }
    JsonObject config =
        Jsonp.object()
            .add("type", "bar")
            .add(
                "data",
                Jsonp.object()
                    .add("labels", labels)
                    .add(
                        "datasets",
                        Jsonp.array()
                            .add(
                                Jsonp.object()
                                    .add("label", label)
                                    .add("data", data)
                                    .add("backgroundColor", colour))))
            .add(
                "options",
                Jsonp.object()
                    .add("responsive", true)
                    .add("maintainAspectRatio", false)
                    .add("animation", false)
                    .add(
                        "plugins",
                        Jsonp.object().add("legend", Jsonp.object().add("display", false)))
                    .add(
                        "scales",
                        Jsonp.object()
                            .add(
                                "y",
                                Jsonp.object()
                                    .add("beginAtZero", true)
                                    .add("ticks", Jsonp.object().add("precision", 0)))))
            .build();
    return config.toString();
  }

  public UnusualAccessReport getReport() {
    return report;
  }

  /** The findings of one kind ({@code OUTSIDE_CARE_TEAM}, {@code BURST}, {@code AFTER_HOURS}). */
  public List<UnusualAccess> findings(String kind) {
    return report == null ? List.of() : report.findings(UnusualAccess.Kind.valueOf(kind));
  }

  public AccessRules getRules() {
    return reports.rules();
  }

  /** The kinds of unusual access, in the order the page lists them. */
  public List<String> getKinds() {
    return java.util.Arrays.stream(UnusualAccess.Kind.values()).map(Enum::name).toList();
  }

  /** What the accesses chart shows, for those who cannot see it. */
  public String getAccessesLabel() {
    return chartLabel("reports.accesses.chart", getTotalAccesses());
  }

  /** What the refusals chart shows, for those who cannot see it. */
  public String getRefusedLabel() {
    return chartLabel("reports.refused.chart", getTotalRefused());
  }

  private String chartLabel(String key, long total) {
    FacesContext faces = FacesContext.getCurrentInstance();
    return new MessageFormat(text(key), faces.getViewRoot().getLocale())
        .format(
            new Object[] {
              String.valueOf(getActivityFrom()),
              String.valueOf(getActivityTo()),
              total,
              times.getZone().getId()
            });
  }

  public LocalDate getActivityFrom() {
    getDays();
    return activityFrom;
  }

  public void setActivityFrom(LocalDate activityFrom) {
    this.activityFrom = activityFrom;
  }

  public LocalDate getActivityTo() {
    getDays();
    return activityTo;
  }

  public void setActivityTo(LocalDate activityTo) {
    this.activityTo = activityTo;
  }

  public LocalDate getUnusualFrom() {
    if (unusualFrom == null) {
      unusualFrom = getUnusualTo().minusDays(6);
    }
    return unusualFrom;
  }

  public void setUnusualFrom(LocalDate unusualFrom) {
    this.unusualFrom = unusualFrom;
  }

  public LocalDate getUnusualTo() {
    if (unusualTo == null) {
      unusualTo = today();
    }
    return unusualTo;
  }

  public void setUnusualTo(LocalDate unusualTo) {
    this.unusualTo = unusualTo;
  }
}
