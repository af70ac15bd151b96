package org.patientportal.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API, version 1: JSON, bearer tokens from Keycloak, errors as RFC 9457 problems. */
@ApplicationPath(ApiApplication.PATH)
public class ApiApplication extends Application {

  /** Where the API lives in the portal's web application. */
  public static final String PATH = "/api/v1";
}
