package org.patientportal.web.messaging;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.patientportal.messaging.boundary.MessagingService;
import org.patientportal.messaging.entity.AttachmentPolicy;
import org.patientportal.messaging.entity.Category;
import org.patientportal.messaging.entity.ThreadEvent;
import org.patientportal.messaging.entity.ThreadHistoryLine;
import org.patientportal.messaging.entity.ThreadStatus;
import org.patientportal.messaging.entity.ThreadSummary;

/**
 * How the messaging views name things in the view's language: categories, the subject line
 * ("[Appointment] …", "[Cita] …"), a thread's status, how long ago something happened, files and
 * their sizes, and the limits on attachments.
 */
@Named
@ApplicationScoped
public class MessagingLabels {

  private static final List<Category> CATEGORIES = List.of(Category.values());
  private static final long KB = 1024;
  private static final long MB = 1024 * KB;

  @EJB MessagingService messaging;

  public List<Category> getCategories() {
    return CATEGORIES;
  }

  public String category(Category category) {
    return category == null ? "" : bundle().getString("category." + category.name());
  }

  /** "[Appointment] subject", with the category's label in the view's language. */
  public String subjectLine(ThreadSummary thread) {
    return thread == null ? "" : "[" + category(thread.getCategory()) + "] " + thread.getSubject();
  }

  public String status(ThreadStatus status) {
    return status == null ? "" : bundle().getString("status." + status.name());
  }

  /** A role on a care team: "Clinician", "Care team staff". */
  public String role(Object role) {
    return role == null ? "" : bundle().getString("role." + role);
  }

  /** Who handles a thread, with their role: "Dr. Smith (Clinician)"; empty if nobody does. */
  public String handler(ThreadSummary thread) {
    if (thread == null || thread.getAssignee() == null) {
      return "";
    }
    return format("thread.handledByLine", thread.getAssigneeName(), role(thread.getAssigneeRole()));
  }

  /** A step of a thread's history as a sentence. */
  public String history(ThreadHistoryLine line) {
    String target =
        line.getTargetName() == null
            ? bundle().getString("thread.history.noLead")
            : line.getTargetName();
    if (line.getKind() == ThreadEvent.Kind.STATUS_CHANGED) {
      // the target is a request's status (requests)
      target = bundle().getString("request.status." + line.getTarget());
    }
    return format("thread.history." + line.getKind().name(), line.getActorName(), target);
  }

  /** How long ago {@code at} was, in words: "3 hours ago", "hace 2 días". */
  public String age(Instant at) {
    if (at == null) {
      return "";
    }
    FacesContext faces = FacesContext.getCurrentInstance();
    return age(Duration.between(at, Instant.now()), bundle(), faces.getViewRoot().getLocale());
  }

  /** What the attachment fields accept: "PDF, PNG or JPEG files, at most 10 MB each and …". */
  public String getAttachmentHint() {
    AttachmentPolicy policy = messaging.attachmentPolicy();
    return format("compose.attachments.hint", policy.maxBytes() / MB, policy.maxCount());
  }

  /** A file's type as people call it: "PDF", "PNG", "JPEG". */
  public String fileType(String contentType) {
    if (contentType == null) {
      return "";
    }
    return contentType.substring(contentType.indexOf('/') + 1).toUpperCase(Locale.ROOT);
  }

  /** A file's size in KB (rounded up) or, from 1 MB, in MB with one decimal. */
  public String size(long bytes) {
    return size(bytes, FacesContext.getCurrentInstance().getViewRoot().getLocale());
  }

  static String size(long bytes, Locale locale) {
    NumberFormat number = NumberFormat.getNumberInstance(locale);
    if (bytes < MB) {
      return number.format((bytes + KB - 1) / KB) + " KB";
    }
    number.setMaximumFractionDigits(1);
    return number.format(bytes / (double) MB) + " MB";
  }

  static String age(Duration elapsed, ResourceBundle bundle, Locale locale) {
    long minutes = Math.max(0, elapsed.toMinutes());
    String key;
    long amount;
    if (minutes < 60) {
      key = "messages.age.minutes";
      amount = minutes;
    } else if (minutes < 48 * 60) {
      key = "messages.age.hours";
      amount = minutes / 60;
    } else {
      key = "messages.age.days";
      amount = minutes / (24 * 60);
    }
    return new MessageFormat(bundle.getString(key), locale).format(new Object[] {amount});
  }

  private static String format(String key, Object... arguments) {
    FacesContext faces = FacesContext.getCurrentInstance();
    return new MessageFormat(bundle().getString(key), faces.getViewRoot().getLocale())
        .format(arguments);
  }

  private static ResourceBundle bundle() {
    FacesContext faces = FacesContext.getCurrentInstance();
    return faces.getApplication().getResourceBundle(faces, "msg");
  }
}
