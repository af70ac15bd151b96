package org.patientportal.messaging.control;

import org.patientportal.messaging.entity.MessageThread;

/** A thread as a list query returns it: with how far the reader has read it (null: not at all). */
public record ThreadRow(MessageThread thread, Long readThroughId) {}
