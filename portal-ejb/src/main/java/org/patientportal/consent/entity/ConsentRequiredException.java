package org.patientportal.consent.entity;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.patientportal.shared.entity.ConflictException;

/**
 * A message flagged with topics the patient has not agreed to: it is not sent. The topics are named
 * to the author (an extension member of the problem), who may ask the patient for their agreement.
 */
public class ConsentRequiredException extends ConflictException {

  public static final String TYPE = "consent-required";

  private final Set<SensitiveTopic> topics;

  public ConsentRequiredException(Set<SensitiveTopic> topics) {
    super(TYPE, "{consent.required}", Map.of("topics", SensitiveTopic.join(topics)));
    this.topics = EnumSet.copyOf(topics);
  }

  /** The flagged topics the patient has not agreed to, in topic order. */
  public Set<SensitiveTopic> topics() {
    return EnumSet.copyOf(topics);
  }
}
