package org.patientportal.web.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An API call that anyone may make without a bearer token (enrolling with an activation code).
 * {@link BearerTokenFilter} lets it through; its boundary decides everything else.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PublicCall {}
