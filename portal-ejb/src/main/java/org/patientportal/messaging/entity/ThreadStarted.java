package org.patientportal.messaging.entity;

/**
 * A new thread, and who took it when its addressee is away: the sender is told on sending.
 *
 * @param threadId the new thread's id
 * @param coveredBy the username of the clinician covering for the addressee, who received the
 *     message instead; null when it went where it was addressed
 * @param coveredByName the cover's display name; null as {@code coveredBy}
 * @param addressedTo the username of the absent clinician it was addressed to; null as {@code
 *     coveredBy}
 * @param addressedToName the absent clinician's display name; null as {@code coveredBy}
 */
public record ThreadStarted(
    long threadId,
    String coveredBy,
    String coveredByName,
    String addressedTo,
    String addressedToName) {

  public static ThreadStarted direct(long threadId) {
    return new ThreadStarted(threadId, null, null, null, null);
  }
}
