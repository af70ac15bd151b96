/**
 * What every feature shares: the typed refusals of the domain and their text for users, and JSON-P.
 */
package org.patientportal.shared.entity;
