/** What every feature's boundaries share: checking a command before acting on it. */
package org.patientportal.shared.boundary;
