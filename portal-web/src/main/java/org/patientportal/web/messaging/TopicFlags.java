package org.patientportal.web.messaging;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.patientportal.consent.boundary.Consents;
import org.patientportal.consent.entity.ConsentRequiredException;
import org.patientportal.consent.entity.SensitiveTopic;

/**
 * The sensitive topics an author flags a new message with (issue 11, point 2), kept by a form's
 * view: the flags ticked, the topics the text seems to touch that are not ticked yet (suggested
 * from the keyword lists as the author types), and the topics of a refused send the patient has not
 * agreed to.
 */
public class TopicFlags implements Serializable {

  private static final long serialVersionUID = 1L;

  private List<String> topics = new ArrayList<>();
  private List<String> suggested = List.of();
  private List<String> missing = List.of();

  /** Every sensitive topic, in topic order, for the checkboxes. */
  public List<String> getNames() {
    return Arrays.stream(SensitiveTopic.values()).map(Enum::name).toList();
  }

  /** Suggests the topics {@code text} seems to touch that are not flagged yet. */
  public void suggest(Consents consents, String text) {
    suggested =
        consents.suggest(text).stream().map(Enum::name).filter(t -> !topics.contains(t)).toList();
  }

  /** The author takes the suggestions: they become flags. */
  public void takeSuggestions() {
    for (String t : suggested) {
      if (!topics.contains(t)) {
        topics.add(t);
      }
    }
    suggested = List.of();
  }

  /** The flags, for the boundary. */
  public Set<SensitiveTopic> chosen() {
    return SensitiveTopic.parseAll(topics);
  }

  /** A send is tried: what was refused before is forgotten. */
  public void clearRefusal() {
    missing = List.of();
  }

  /** The send was refused: these topics the patient has not agreed to are shown. */
  public void refused(ConsentRequiredException refusal) {
    missing = refusal.topics().stream().map(Enum::name).toList();
  }

  public List<String> getTopics() {
    return topics;
  }

  public void setTopics(List<String> topics) {
    this.topics = topics == null ? new ArrayList<>() : new ArrayList<>(topics);
  }

  public List<String> getSuggested() {
    return suggested;
  }

  public List<String> getMissing() {
    return missing;
  }
}
