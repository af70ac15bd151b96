/** What every feature shares: the typed refusals of the domain. */
package org.patientportal.shared.entity;
