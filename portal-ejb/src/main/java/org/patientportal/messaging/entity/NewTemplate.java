package org.patientportal.messaging.entity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A quick-reply template to create: a title to choose it by, its text, and for a team-wide one the
 * code of a pool the author works (null: the author's own).
 */
public record NewTemplate(
    @NotBlank(message = "{messaging.template.title.required}")
        @Size(max = ReplyTemplate.MAX_TITLE, message = "{messaging.template.title.tooLong}")
        String title,
    @NotBlank(message = "{messaging.template.text.required}")
        @Size(max = ReplyTemplate.MAX_TEXT, message = "{messaging.template.text.tooLong}")
        String text,
    String pool) {}
