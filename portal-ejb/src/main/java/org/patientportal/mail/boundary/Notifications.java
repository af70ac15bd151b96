package org.patientportal.mail.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** PLACEHOLDER until the mail branch is merged. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Notifications {
  public boolean newSecureMessage(String recipientUsername, String idempotencyKey) {
    return false;
  }
}
