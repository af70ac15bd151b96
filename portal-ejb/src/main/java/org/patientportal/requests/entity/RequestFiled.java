package org.patientportal.requests.entity;

import org.patientportal.messaging.entity.RequestStatus;

/** What filing a request made: the request, its thread, and its status (SUBMITTED). */
public record RequestFiled(long id, long threadId, RequestStatus status) {}
