/**
 * The access log: who did what to which patient's information, from where, and whether it was
 * allowed. Entries are written in the transaction of the access they record; auditors search them.
 * Keycloak's sign-in events join them from its event store (KeycloakEventImporter).
 */
package org.patientportal.audit;
