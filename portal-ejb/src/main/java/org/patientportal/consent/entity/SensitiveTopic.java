package org.patientportal.consent.entity;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.patientportal.shared.entity.InvalidInputException;

/**
 * A topic that may be referenced in messages only with the patient's agreement. The order is the
 * order forms and exports list them in.
 */
public enum SensitiveTopic {
  HIV,
  SUBSTANCE_USE,
  STD,
  SEXUAL_ASSAULT,
  ABORTION,
  DOMESTIC_VIOLENCE,
  PSYCHOTHERAPY;

  /** The field API input names topics in. */
  public static final String FIELD = "sensitiveTopics";

  /**
   * A topic by its name (case ignored); anything else is the caller's mistake, naming the field.
   */
  public static SensitiveTopic parse(String name) {
    String n = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
    for (SensitiveTopic t : values()) {
      if (t.name().equals(n)) {
        return t;
      }
    }
    throw new InvalidInputException(FIELD, "{consent.topic.unknown}");
  }

  /** The topics named (none for null), each once. */
  public static Set<SensitiveTopic> parseAll(Collection<String> names) {
    EnumSet<SensitiveTopic> topics = EnumSet.noneOf(SensitiveTopic.class);
    if (names != null) {
      names.forEach(n -> topics.add(parse(n)));
    }
    return topics;
  }

  /** The topics of a comma-separated list (a form field; blank: none). */
  public static Set<SensitiveTopic> parseList(String list) {
    if (list == null || list.isBlank()) {
      return EnumSet.noneOf(SensitiveTopic.class);
    }
    return parseAll(Arrays.stream(list.split(",")).filter(s -> !s.isBlank()).toList());
  }

  /** The topics as one text, in order, to be sealed: "HIV,PSYCHOTHERAPY". */
  public static String join(Collection<SensitiveTopic> topics) {
    return topics.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
  }
}
