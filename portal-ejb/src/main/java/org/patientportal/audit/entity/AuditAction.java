package org.patientportal.audit.entity;

/** What an audit entry records. */
public enum AuditAction {
  /** A person signed in to the portal (the portal's side of a Keycloak login). */
  SIGN_IN,
  /** A request was refused for lack of authority. */
  ACCESS_DENIED,
  /** An auditor searched the audit log. */
  AUDIT_SEARCH,
  /** An auditor exported a search of the audit log (resource: the criteria and format). */
  AUDIT_EXPORT,
  /** A secure message was sent (resource: message/{id}). */
  MESSAGE_SENT,
  /** A secure message was shown to its reader (resource: message/{id}). */
  MESSAGE_OPENED,
  /** An attachment of a secure message was downloaded (resource: attachment/{id}). */
  ATTACHMENT_DOWNLOADED,
  /** A clinician or staff member marked a thread as done (resource: thread/{id}). */
  THREAD_DONE,
  /** A patient accepted the messaging guidelines (resource: guidelines/{version}). */
  GUIDELINES_ACCEPTED,
  /**
   * An administrator rotated a key: the key-encryption key (resource: kek/v{version}) or the record
   * signing key (resource: record-signing-key/{key id}).
   */
  KEY_ROTATED,
  /** An auditor checked the access log's hash chain (resource: the result). */
  AUDIT_VERIFIED,
  /** Entries past the retention period were archived and removed (resource: the positions). */
  AUDIT_ARCHIVED,
  /** An auditor ran a report on the access log (resource: the report and its range). */
  AUDIT_REPORT,
  /**
   * Keycloak signed someone in (imported from its event store; resource: keycloak-event/{id} and
   * the client, user id and session).
   */
  KEYCLOAK_LOGIN,
  /** Keycloak signed someone out (imported; resource as for KEYCLOAK_LOGIN). */
  KEYCLOAK_LOGOUT,
  /**
   * Keycloak refused a sign-in (imported; the actor is the username as typed, even one that does
   * not exist; resource as for KEYCLOAK_LOGIN, plus Keycloak's error).
   */
  KEYCLOAK_LOGIN_FAILED,
  /** An auditor or administrator had Keycloak's events imported now (resource: how many). */
  KEYCLOAK_EVENTS_IMPORTED,
  /** An administrator created a care team (resource: team/{code}). */
  TEAM_CREATED,
  /** An administrator renamed a care team or named its lead (resource: team/{code} and what). */
  TEAM_CHANGED,
  /** An administrator added a member (resource: team/{code}/member/{username} and the role). */
  TEAM_MEMBER_ADDED,
  /** An administrator removed a member (resource: team/{code}/member/{username}). */
  TEAM_MEMBER_REMOVED,
  /** A care team now cares for a patient (resource: team/{code}/patient/{username}). */
  TEAM_PATIENT_ADDED,
  /** A care team no longer cares for a patient (resource: team/{code}/patient/{username}). */
  TEAM_PATIENT_REMOVED,
  /** A clinician recorded an away period (resource: away/{id}, its days and the cover). */
  AWAY_RECORDED,
  /** A clinician deleted an away period (resource: away/{id}). */
  AWAY_DELETED,
  /**
   * A new message to an absent clinician went to the colleague covering for them (resource:
   * thread/{id} and both usernames).
   */
  MESSAGE_ROUTED_TO_COVER,
  /**
   * A covering clinician opened a thread of the absent colleague they cover for (resource:
   * thread/{id} and whom they cover).
   */
  COVER_ACCESS,
  /**
   * In business hours, a staff member of a pool opened a thread addressed by name to a clinician of
   * the pool (resource: thread/{id} and the clinician).
   */
  STAFF_ACCESS,
  /** A clinician or staff member took a thread (resource: thread/{id}). */
  THREAD_CLAIMED,
  /** A clinician or staff member let a thread go (resource: thread/{id}). */
  THREAD_RELEASED,
  /** A thread was given to a member of its team (resource: thread/{id}/to/{username}). */
  THREAD_ASSIGNED,
  /**
   * A waiting message was escalated to its team's lead, unclaimed past half its time or overdue
   * (actor: the portal; resource: thread/{id}/unclaimed or thread/{id}/overdue, and the lead).
   */
  THREAD_ESCALATED,
  /** A quick-reply template was created (resource: template/{id}). */
  TEMPLATE_CREATED,
  /** A quick-reply template was deleted (resource: template/{id}). */
  TEMPLATE_DELETED,
  /** A request was filed (resource: request/{id} thread/{threadId} and its type). */
  REQUEST_SUBMITTED,
  /** A request's status was changed (resource: request/{id} FROM->TO). */
  REQUEST_STATUS_CHANGED,
  /** A request's fields were shown to its reader (resource: request/{id}). */
  REQUEST_OPENED,
  /**
   * A thread was forwarded inside the care community (resource: thread/{id}/to/{username or
   * pool:code}).
   */
  FORWARDED,
  /**
   * A clinician filed a thread, or messages of it, into the patient's medical record (resource:
   * record/{id} of thread/{id}, and the entry it amends).
   */
  FILED,
  /** A filed record entry was shown or downloaded (resource: record/{id}). */
  RECORD_OPENED,
  /**
   * A done thread was opened again, by its care team or by its patient writing in it (resource:
   * thread/{id}).
   */
  THREAD_REOPENED,
  /** A patient archived one of their threads for themselves (resource: thread/{id}). */
  THREAD_ARCHIVED,
  /** A patient brought an archived thread back to their inbox (resource: thread/{id}). */
  THREAD_UNARCHIVED,
  /** Someone ended one of their own signed-in sessions (resource {@code session/<Keycloak id>}). */
  SESSION_ENDED,
  /** A patient, or staff for them, let a caregiver act for them (resource: proxy-grant/{id}). */
  PROXY_GRANTED,
  /** A caregiver's access to a patient was ended (resource: proxy-grant/{id}). */
  PROXY_REVOKED,
  ENROLLMENT_CODE_ISSUED,
  ENROLLED,
  ENROLLMENT_REFUSED,
  ENROLLMENT_RATE_LIMITED,
  /**
   * A patient's agreement to a sensitive topic changed (resource: consent/{TOPIC} agreed|withdrawn,
   * and the consent request it answered).
   */
  CONSENT_CHANGED,
  /** A member of the care team read a patient's agreements (resource: patient/{u}/consents). */
  CONSENTS_VIEWED,
  /**
   * A clinician asked a patient to agree to topics (resource: consent-request/{id} thread/{id}).
   */
  CONSENT_REQUESTED,
  /**
   * A message flagged with topics the patient has not agreed to was refused (resource: thread/{id}
   * or patient/{u}; outcome DENIED; the topics are not named).
   */
  CONSENT_REQUIRED
}
