package org.patientportal.mail.control;

/**
 * An email's words, composed from a template: the language they are in, a subject and plain text.
 */
public record Email(String language, String subject, String text) {}
