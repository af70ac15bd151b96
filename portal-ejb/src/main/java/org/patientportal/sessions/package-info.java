/**
 * A person's signed-in sessions, as Keycloak keeps them: listed and ended by their holder, through
 * Keycloak's Account API with the holder's own token; each end audited.
 */
package org.patientportal.sessions;
