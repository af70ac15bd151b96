package org.patientportal.mail.entity;

import java.util.Locale;

/**
 * The emails the portal sends. Each is a fixed text in every language of the portal, with no room
 * for anything about the recipient's health: an email only tells that there is something to read in
 * the portal.
 */
public enum EmailTemplate {
  /** "You have a new secure message; sign in to read it." */
  NEW_SECURE_MESSAGE,
  /** To a team's lead: "A message in your team is waiting; sign in to see your team's queue." */
  TEAM_MESSAGE_WAITING,
  /** To a team's staff: "A new request for your team has arrived; sign in to see it." */
  NEW_REQUEST,
  /** To the patient: "There is news about your request; sign in to see it." */
  REQUEST_STATUS_CHANGED,
  /**
   * To a person staff registered: their activation code and the enrollment page. The code is not in
   * the queue item: it is filled in at send time ({@link EmailFill}) from the sealed copy its
   * feature keeps, so neither the outbox nor the broker's journal ever holds it.
   */
  ENROLLMENT_INVITATION;

  /** The values filled in at send time that this template needs (none for most). */
  public java.util.Set<String> secrets() {
    return this == ENROLLMENT_INVITATION ? java.util.Set.of("code") : java.util.Set.of();
  }

  /** The name of the template's texts in the resource bundles, e.g. {@code new-secure-message}. */
  public String textKey() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
