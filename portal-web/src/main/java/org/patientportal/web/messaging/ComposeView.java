package org.patientportal.web.messaging;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.UUID;
import org.patientportal.care.entity.CareRecipient;
import org.patientportal.consent.boundary.Consents;
import org.patientportal.consent.entity.ConsentRequiredException;
import org.patientportal.messaging.boundary.MessagingGuidelines;
import org.patientportal.messaging.boundary.MessagingService;
import org.patientportal.messaging.entity.Category;
import org.patientportal.messaging.entity.Guidelines;
import org.patientportal.messaging.entity.StartThread;
import org.patientportal.messaging.entity.ThreadStarted;
import org.patientportal.shared.entity.DomainException;
import org.patientportal.shared.entity.InvalidInputException;
import org.patientportal.shared.entity.NotFoundException;
import org.patientportal.web.layout.ActingFor;
import org.patientportal.web.layout.LanguageView;

/**
 * {@code messages/compose.xhtml}: a patient writes to their care team, after reading and accepting
 * the messaging guidelines once. What the boundary refuses is shown next to the field it is about.
 */
@Named
@ViewScoped
public class ComposeView implements Serializable {

  private static final long serialVersionUID = 1L;
  static final String FORM = "compose";
  static final Set<String> FIELDS = Set.of("to", "category", "subject", "body", "attachments");

  @EJB MessagingService messaging;
  @EJB MessagingGuidelines guidelinesBoundary;
  @EJB Consents consents;
  @Inject LanguageView language;
  @Inject ActingFor acting;

  // What the boundary answered, read again after the view was passivated: it is not kept in the
  // serialised session.
  private transient Guidelines guidelines;
  private transient List<CareRecipient> recipients;
  private transient List<SelectItem> recipientItems;
  private transient List<Part> files;

  // One token per form: a second submission of it (Back and Send again) sends nothing again.
  private String token = UUID.randomUUID().toString();
  private final KeptFiles kept = new KeptFiles();

  private String to;
  private Category category;
  private String subject;
  private String body;
  private boolean readReceipt;
  private final TopicFlags flags = new TopicFlags();

  /** The guidelines in the view's language, and whether the patient accepted them already. */
  public Guidelines getGuidelines() {
    if (guidelines == null) {
      guidelines = guidelinesBoundary.guidelines(language.getLanguage());
    }
    return guidelines;
  }

  /**
   * Whether the form is shown: the patient accepted the guidelines; a caregiver writes for the
   * patient they act for without (the guidelines are the patient's to accept).
   */
  public boolean isReady() {
    return acting.isActive() || getGuidelines().isAccepted();
  }

  /** Records the acceptance of the text that was shown, then shows the form. */
  public void acceptGuidelines() {
    Guidelines shown = getGuidelines();
    try {
      guidelinesBoundary.accept(shown.getSha256(), shown.getLanguage());
    } catch (DomainException e) {
      // the text changed since it was shown: show the new one
      FacesContext.getCurrentInstance()
          .addMessage(
              null,
              new FacesMessage(
                  FacesMessage.SEVERITY_ERROR,
                  e.message(FacesContext.getCurrentInstance().getViewRoot().getLocale()),
                  null));
    }
    guidelines = null;
  }

  /** The care team, pools first, each a group of options. */
  public List<SelectItem> getRecipientItems() {
    if (recipientItems == null) {
      recipientItems = RecipientItems.of(getRecipients(), bundle());
    }
    return recipientItems;
  }

  public List<CareRecipient> getRecipients() {
    if (recipients == null) {
      recipients =
          acting.isActive() ? messaging.recipients(acting.getPatient()) : messaging.recipients();
    }
    return recipients;
  }

  /**
   * The files picked, read as soon as the form arrives (an immediate input), so that they are kept
   * even when another field fails the form's own checks.
   */
  public void keepFiles(FacesContext faces, UIComponent input, Object value) {
    kept.validate(faces, value, messaging.attachmentPolicy());
  }

  /** Forgets the kept files. */
  public void dropFiles() {
    kept.clear();
  }

  public List<String> getKeptFiles() {
    return kept.names();
  }

  /**
   * Sends the message and opens its new thread; a refusal keeps the form as it was typed, and the
   * files picked unless they are what was refused.
   */
  public String send() {
    ThreadStarted started;
    flags.clearRefusal();
    try {
      started =
          messaging.start(
              new StartThread(
                      to,
                      category,
                      subject,
                      body,
                      readReceipt,
                      kept.files(),
                      acting.getPatient(),
                      null)
                  .once(token),
              flags.chosen());
    } catch (ConsentRequiredException e) {
      // flagged with a topic the patient has not agreed to: not sent, and said why
      flags.refused(e);
      FieldErrors.show(FORM, Set.of(), e);
      return null;
    } catch (InvalidInputException e) {
      if ("attachments".equals(e.field())) {
        kept.clear();
      }
      FieldErrors.show(FORM, FIELDS, e);
      return null;
    } catch (NotFoundException e) {
      if (acting.isActive()) {
        // the grant ended while the caregiver wrote: back to the choice, saying so
        return acting.ended();
      }
      throw e;
    }
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.getExternalContext().getFlash().setKeepMessages(true);
    String sent = bundle().getString("compose.sent");
    if (started.coveredBy() != null) {
      // the addressee is away: say who has the message instead
      sent =
          sent
              + " "
              + MessageFormat.format(
                  bundle().getString("compose.sent.covered"),
                  started.addressedToName(),
                  started.coveredByName());
    }
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, sent, null));
    return "/messages/thread.xhtml?faces-redirect=true&id=" + started.threadId();
  }

  /** As the author types: the sensitive topics the subject and text seem to touch. */
  public void suggest() {
    flags.suggest(consents, (subject == null ? "" : subject) + "\n" + (body == null ? "" : body));
  }

  /** The sensitive topics this message is flagged with. */
  public TopicFlags getFlags() {
    return flags;
  }

  private static ResourceBundle bundle() {
    FacesContext faces = FacesContext.getCurrentInstance();
    return faces.getApplication().getResourceBundle(faces, "msg");
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public Category getCategory() {
    return category;
  }

  public void setCategory(Category category) {
    this.category = category;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  public boolean isReadReceipt() {
    return readReceipt;
  }

  public void setReadReceipt(boolean readReceipt) {
    this.readReceipt = readReceipt;
  }

  public List<Part> getFiles() {
    return files;
  }

  public void setFiles(List<Part> files) {
    this.files = files;
  }
}
