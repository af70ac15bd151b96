/**
 * Secure messaging between patients and their care team: threads of one patient with a subject
 * category, encrypted at rest (subject, bodies, attachments), every open audited, optional read
 * receipts, the clinician's work queue, and an email that only says a message is waiting.
 */
package org.patientportal.messaging;
