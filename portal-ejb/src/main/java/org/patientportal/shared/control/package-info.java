/**
 * What every feature shares at run time: the one client of Keycloak's admin REST API, as the
 * portal's service account.
 */
package org.patientportal.shared.control;
