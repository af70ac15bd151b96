package org.patientportal.records.entity;

import java.util.List;
import org.patientportal.messaging.entity.FilingChoice;

/**
 * The latest version of a record entry, verified, and the messages its thread now holds: what a
 * clinician amending it chooses from (those the entry filed come first chosen).
 */
public class Amendable {

  private final FiledEntry entry;
  private final List<FilingChoice> choices;

  public Amendable(FiledEntry entry, List<FilingChoice> choices) {
    this.entry = entry;
    this.choices = List.copyOf(choices);
  }

  public FiledEntry getEntry() {
    return entry;
  }

  public List<FilingChoice> getChoices() {
    return choices;
  }

  /** The ids of the messages the entry filed, as the form's values. */
  public List<String> getFiledIds() {
    return entry.getContent() == null
        ? List.of()
        : entry.getContent().messages().stream().map(m -> Long.toString(m.id())).toList();
  }
}
