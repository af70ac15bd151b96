/**
 * Who is using the portal. Keycloak authenticates and holds the roles; this feature keeps the
 * portal's own record of each person (name, email, language) so that other features can refer to
 * people who are not signed in, and it refreshes that record at every sign-in.
 */
package org.patientportal.identity;
