package org.patientportal.web.messaging;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.patientportal.care.entity.CareRecipient;
import org.patientportal.consent.boundary.Consents;
import org.patientportal.consent.entity.ConsentRequiredException;
import org.patientportal.consent.entity.SensitiveTopic;
import org.patientportal.identity.boundary.People;
import org.patientportal.messaging.boundary.ConsentRequests;
import org.patientportal.messaging.boundary.MessagingService;
import org.patientportal.messaging.boundary.ReplyTemplates;
import org.patientportal.messaging.boundary.ThreadHandling;
import org.patientportal.messaging.entity.ConsentRequestDetail;
import org.patientportal.messaging.entity.Reply;
import org.patientportal.messaging.entity.TemplateDetail;
import org.patientportal.messaging.entity.ThreadDetail;
import org.patientportal.records.boundary.MedicalRecord;
import org.patientportal.shared.entity.ConflictException;
import org.patientportal.shared.entity.InvalidInputException;
import org.patientportal.shared.entity.NotFoundException;
import org.patientportal.web.layout.ActingFor;

/**
 * {@code messages/thread.xhtml?id=N}: one conversation, opened (and audited) once per view, with a
 * reply form and, for the care team, "Mark done". A thread the reader may not see is answered with
 * the not-found page, exactly like one that does not exist; other refusals than a field's are shown
 * by the application's exception handler.
 */
@Named
@ViewScoped
public class ThreadView implements Serializable {

  private static final long serialVersionUID = 1L;
  static final String FORM = "reply";
  static final Set<String> FIELDS = Set.of("body", "attachments");

  static final String HANDLING_FORM = "handling";

  @EJB MessagingService messaging;
  @Inject ActingFor acting;
  @EJB ThreadHandling handling;
  @EJB ReplyTemplates replyTemplates;

  private String assignTo;
  static final String FORWARD_FORM = "forward";
  static final String FILING_FORM = "filing";
  private List<String> fileMessages;
  @EJB MedicalRecord record;
  @Inject People people;
  private String forwardTo;
  private String forwardNote;
  private transient List<CareRecipient> forwardRecipients;
  // quick replies may hold health information: read again, never serialised with the session
  private transient List<TemplateDetail> templates;

  private String id;
  private Long threadId;
  // The opened thread, kept for the view's postbacks but never serialised with the session: it is
  // health information in clear text. After a passivation it is opened (and audited) again.
  private transient ThreadDetail detail;
  private transient List<Part> files;
  private transient Optional<String> patientMrn;

  // One token per form: a second submission of it (Back and Send again) sends nothing again.
  private String token = UUID.randomUUID().toString();
  private final KeptFiles kept = new KeptFiles();

  private String body;
  private boolean readReceipt;

  /**
   * The view action: opens the thread named by the id parameter. A thread the reader may not see is
   * refused as not found, which the application's exception handler answers with the not-found
   * page, exactly like an id that names no thread.
   */
  public String open() {
    // a caregiver opens only threads of the patient they act for, under a grant still in force
    String away = acting.require("MESSAGING");
    if (away != null) {
      return away;
    }
    Long parsed = parse(id);
    if (parsed == null) {
      throw new NotFoundException("{messaging.thread.notFound}");
    }
    detail = messaging.open(parsed, acting.getPatient());
    threadId = parsed;
    return null;
  }

  /**
   * The patient's medical record number, shown to the care team beside the patient's name; null
   * when they have none (the view shows their username) or the reader is not on the care team.
   */
  public String getPatientMrn() {
    if (patientMrn == null) {
      ThreadDetail shown = getDetail();
      if (shown == null || !shown.isCareTeamSide()) {
        return null;
      }
      String patient = shown.getSummary().getPatient();
      // looked up once per view: the page asks for it several times in one render
      patientMrn = Optional.ofNullable(people.medicalRecordNumbers(List.of(patient)).get(patient));
    }
    return patientMrn.orElse(null);
  }

  // --- sensitive topics: the reply's flags, suggestions as one types, asking the patient

  @EJB Consents consents;
  @EJB ConsentRequests consentRequests;
  private final TopicFlags flags = new TopicFlags();
  private boolean forwardConfirmed;
  private boolean forwardNeedsConfirmation;
  private transient List<ConsentRequestDetail> requests;
  private Map<Long, Map<String, Object>> answers = new HashMap<>();

  /** As the author types: the topics the text seems to touch that are not flagged yet. */
  public void suggest() {
    flags.suggest(consents, body);
  }

  /** The reply's sensitive topics. */
  public TopicFlags getFlags() {
    return flags;
  }

  /** The reply was refused for these topics: ask the patient for their agreement to them. */
  public String askPatient() {
    consentRequests.ask(threadId, SensitiveTopic.parseAll(flags.getMissing()));
    flags.clearRefusal();
    flash("thread.consentAsked");
    return again();
  }

  /** The thread's requests for the patient's agreement. */
  public List<ConsentRequestDetail> getConsentRequests() {
    jakarta.faces.context.ExternalContext ext =
        FacesContext.getCurrentInstance().getExternalContext();
    if (!ext.isUserInRole("patient") && !ext.isUserInRole("clinician")) {
      return List.of();
    }
    if (requests == null && threadId != null) {
      requests = consentRequests.ofThread(threadId);
    }
    return requests == null ? List.of() : requests;
  }

  /**
   * The patient's choice per topic of one request ("true": agree; as the form sends it), bound to
   * the answer form.
   */
  public Map<String, Object> answersOf(long requestId) {
    return answers.computeIfAbsent(requestId, id -> new HashMap<>());
  }

  /** The patient answers a request: each topic asked, agreed or declined. */
  public String answer(long requestId) {
    Map<SensitiveTopic, Boolean> chosen = new EnumMap<>(SensitiveTopic.class);
    for (ConsentRequestDetail r : getConsentRequests()) {
      if (r.id() == requestId) {
        for (SensitiveTopic t : r.topics()) {
          chosen.put(t, "true".equals(String.valueOf(answersOf(requestId).get(t.name()))));
        }
      }
    }
    consentRequests.answer(requestId, chosen);
    flash("thread.consentAnswered");
    return again();
  }

  public boolean isForwardConfirmed() {
    return forwardConfirmed;
  }

  public void setForwardConfirmed(boolean forwardConfirmed) {
    this.forwardConfirmed = forwardConfirmed;
  }

  public boolean isForwardNeedsConfirmation() {
    return forwardNeedsConfirmation;
  }

  public ThreadDetail getDetail() {
    if (detail == null && threadId != null) {
      open();
    }
    return detail;
  }

  /** Sends a reply, then shows the thread again with it (a new view: the form starts empty). */
  public String reply() {
    flags.clearRefusal();
    try {
      messaging.reply(new Reply(threadId, body, readReceipt, kept.files(), token), flags.chosen());
    } catch (ConsentRequiredException e) {
      // not sent: say why, and offer to ask the patient for the topics they have not agreed to
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
    flash("thread.replied");
    return "/messages/thread.xhtml?faces-redirect=true&id=" + threadId;
  }

  /** The files picked, read as soon as the form arrives, so another field's error keeps them. */
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

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  /** The caller takes the thread. */
  public String claim() {
    handling.claim(threadId);
    flash("thread.claimed");
    return again();
  }

  /** The caller (or the team's lead) lets the thread go. */
  public String release() {
    handling.release(threadId);
    flash("thread.released");
    return again();
  }

  /** The thread is given to the colleague chosen. */
  public String assign() {
    try {
      handling.assign(threadId, assignTo);
    } catch (InvalidInputException e) {
      FieldErrors.show(HANDLING_FORM, Set.of("to"), e);
      return null;
    }
    flash("thread.assigned");
    return again();
  }

  /** The thread is forwarded to the clinician or pool chosen, with the note written. */
  public String forward() {
    try {
      handling.forward(threadId, forwardTo, forwardNote, forwardConfirmed);
    } catch (InvalidInputException e) {
      FieldErrors.show(FORWARD_FORM, Set.of("to", "note"), e);
      return null;
    } catch (ConflictException e) {
      // a flagged thread: the forwarder confirms first (a checkbox appears)
      forwardNeedsConfirmation = "sensitive-forward-unconfirmed".equals(e.type());
      FieldErrors.show(FORWARD_FORM, Set.of(), e);
      return null;
    }
    flash("thread.forwarded");
    return again();
  }

  /** Whom the reader may forward the thread to (care team side only): the portal's own. */
  public List<CareRecipient> getForwardRecipients() {
    if (forwardRecipients == null) {
      ThreadDetail shown = getDetail();
      forwardRecipients =
          shown != null && shown.isCareTeamSide() ? handling.forwardRecipients() : List.of();
    }
    return forwardRecipients;
  }

  public String getForwardTo() {
    return forwardTo;
  }

  public void setForwardTo(String forwardTo) {
    this.forwardTo = forwardTo;
  }

  public String getForwardNote() {
    return forwardNote;
  }

  public void setForwardNote(String forwardNote) {
    this.forwardNote = forwardNote;
  }

  /**
   * Files the chosen messages (all when none is chosen) into the patient's medical record, then
   * shows the thread again, marked filed.
   */
  public String file() {
    // the ids as chosen (strings; read through Object, whatever the renderer put in the list)
    List<Long> ids = new java.util.ArrayList<>();
    if (fileMessages != null) {
      for (Object chosen : (List<?>) fileMessages) {
        ids.add(Long.valueOf(String.valueOf(chosen)));
      }
    }
    try {
      record.file(threadId, ids, null, null);
    } catch (InvalidInputException e) {
      FieldErrors.show(FILING_FORM, Set.of("messageIds"), e);
      return null;
    }
    flash("thread.filedNow");
    return again();
  }

  public List<String> getFileMessages() {
    return fileMessages;
  }

  public void setFileMessages(List<String> fileMessages) {
    this.fileMessages = fileMessages;
  }

  private String again() {
    return "/messages/thread.xhtml?faces-redirect=true&id=" + threadId;
  }

  /** The quick replies the reader may insert (care team side only). */
  public List<TemplateDetail> getTemplates() {
    if (templates == null) {
      ThreadDetail shown = getDetail();
      templates = shown != null && shown.isCareTeamSide() ? replyTemplates.mine() : List.of();
    }
    return templates;
  }

  public String getAssignTo() {
    return assignTo;
  }

  public void setAssignTo(String assignTo) {
    this.assignTo = assignTo;
  }

  /** The care team is done with the thread: back to the work queue. */
  public String markDone() {
    messaging.markDone(threadId);
    flash("thread.markedDone");
    return "/messages/queue.xhtml?faces-redirect=true";
  }

  /** The care team opens a done thread again: it stays on screen, open. */
  public String reopen() {
    handling.reopen(threadId);
    flash("thread.reopened");
    return again();
  }

  /** The patient archives the thread: back to the inbox, where it no longer is. */
  public String archive() {
    messaging.archive(threadId);
    flash("thread.archivedNotice");
    return "/messages/inbox.xhtml?faces-redirect=true";
  }

  /** The patient brings the thread back to the inbox: it stays on screen. */
  public String unarchive() {
    messaging.unarchive(threadId);
    flash("thread.unarchivedNotice");
    return again();
  }

  private static void flash(String key) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.getExternalContext().getFlash().setKeepMessages(true);
    String text = faces.getApplication().getResourceBundle(faces, "msg").getString(key);
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  static Long parse(String id) {
    if (id == null || id.isBlank() || id.length() > 18) {
      return null;
    }
    try {
      long value = Long.parseLong(id.strip());
      return value > 0 ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public Long getThreadId() {
    return threadId;
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
