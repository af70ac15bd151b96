/**
 * How work reaches the JMS queues (EmailQueue today, ReminderCallQueue next): the one way every
 * feature enqueues. {@code boundary.Outbox} writes the item as a row of the {@code outbox} table in
 * the caller's transaction, so the item exists if and only if its reason commits, at the cost of
 * one insert and no two-phase commit; {@code boundary.OutboxRelay} moves the rows to their queues
 * right after that commit (and every few seconds for rows a crash left behind), with the item's
 * idempotency key as the broker's duplicate id. The consumers stay idempotent by the same key.
 */
package org.patientportal.work;
