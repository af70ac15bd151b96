package org.patientportal.identity.entity;

import java.util.Objects;

/**
 * A person signed in to the portal: fired by the identity boundary in the sign-in's transaction, so
 * that features which care (the access log) react without identity depending on them.
 */
public record SignedIn(String username) {

  public SignedIn {
    Objects.requireNonNull(username, "username");
  }
}
