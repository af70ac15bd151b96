package org.patientportal.web.consent;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.patientportal.consent.boundary.Consents;
import org.patientportal.consent.entity.ConsentChange;
import org.patientportal.consent.entity.SensitiveTopic;
import org.patientportal.messaging.boundary.ConsentRequests;
import org.patientportal.messaging.entity.ConsentRequestDetail;
import org.patientportal.web.layout.Notices;

/**
 * {@code account/consents.xhtml}: the patient's agreement per sensitive topic (a checkbox each,
 * saved together), the requests of their care team waiting for an answer (agree or decline per
 * topic), and the history of their changes. The boundaries record and audit each change.
 */
@Named
@ViewScoped
public class ConsentsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB Consents consents;
  @EJB ConsentRequests requests;

  private List<Choice> choices;
  private transient List<ConsentChange> history;
  private List<Pending> pending;

  /** One topic and the patient's choice for it (a class: EL cannot read records). */
  public static class Choice implements Serializable {
    private static final long serialVersionUID = 1L;
    private final SensitiveTopic topic;
    private boolean agreed;

    Choice(SensitiveTopic topic, boolean agreed) {
      this.topic = topic;
      this.agreed = agreed;
    }

    public SensitiveTopic getTopic() {
      return topic;
    }

    public boolean isAgreed() {
      return agreed;
    }

    public void setAgreed(boolean agreed) {
      this.agreed = agreed;
    }
  }

  /** A request waiting for an answer, with the patient's choice per topic asked. */
  public static class Pending implements Serializable {
    private static final long serialVersionUID = 1L;
    private final long id;
    private final String requestedBy;
    private final List<Choice> choices;

    Pending(ConsentRequestDetail d) {
      this.id = d.id();
      this.requestedBy = d.requestedBy();
      this.choices = new ArrayList<>();
      d.topics().forEach(t -> choices.add(new Choice(t, false)));
    }

    public long getId() {
      return id;
    }

    public String getRequestedBy() {
      return requestedBy;
    }

    public List<Choice> getChoices() {
      return choices;
    }
  }

  public List<Choice> getChoices() {
    if (choices == null) {
      choices = new ArrayList<>();
      consents.mine().forEach((t, a) -> choices.add(new Choice(t, a)));
    }
    return choices;
  }

  public List<ConsentChange> getHistory() {
    if (history == null) {
      history = new ArrayList<>(consents.myHistory());
      java.util.Collections.reverse(history);
    }
    return history;
  }

  public List<Pending> getPending() {
    if (pending == null) {
      pending = requests.openOfMine().stream().map(Pending::new).toList();
    }
    return pending;
  }

  /** Saves every topic's choice (only changes are recorded). */
  public void save() {
    Map<SensitiveTopic, Boolean> changes = new EnumMap<>(SensitiveTopic.class);
    getChoices().forEach(c -> changes.put(c.getTopic(), c.isAgreed()));
    consents.change(changes);
    reload();
    Notices.info("consents.saved");
  }

  /** Answers one request: each topic asked, agreed (checked) or declined. */
  public void answer(long requestId) {
    for (Pending p : getPending()) {
      if (p.getId() == requestId) {
        Map<SensitiveTopic, Boolean> answers = new EnumMap<>(SensitiveTopic.class);
        p.getChoices().forEach(c -> answers.put(c.getTopic(), c.isAgreed()));
        requests.answer(requestId, answers);
      }
    }
    reload();
    Notices.info("consents.answered");
  }

  private void reload() {
    choices = null;
    history = null;
    pending = null;
  }
}
