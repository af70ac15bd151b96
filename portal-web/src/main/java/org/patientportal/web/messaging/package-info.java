/**
 * Secure messaging in the browser: the patient's inbox, writing a message (after the guidelines), a
 * conversation with its replies and attachments, and the care team's work queue; and the same over
 * the REST API. Every read and write goes through the messaging boundary, which decides who may see
 * and do what.
 */
package org.patientportal.web.messaging;
