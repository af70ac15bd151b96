package org.patientportal.identity.entity;

import java.util.List;

/**
 * The realm roles of Keycloak's realm "portal", as the code names them in {@code @RolesAllowed}.
 */
public final class Roles {

  public static final String PATIENT = "patient";
  public static final String PROXY = "proxy";
  public static final String CLINICIAN = "clinician";
  public static final String STAFF = "staff";
  public static final String COMMUNICATIONS = "communications";
  public static final String AUDITOR = "auditor";
  public static final String ADMIN = "admin";

  /** Every role, in the order menus show them. */
  public static final List<String> ALL =
      List.of(PATIENT, PROXY, CLINICIAN, STAFF, COMMUNICATIONS, AUDITOR, ADMIN);

  private Roles() {}
}
