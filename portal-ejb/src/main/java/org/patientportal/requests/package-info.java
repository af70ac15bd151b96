/**
 * Requests: a patient (later a proxy, or staff on the patient's behalf) asks for a routine
 * appointment, a prescription renewal or a referral authorization through a structured form. Each
 * request becomes a thread of its category routed to the patient's care team, with a status
 * (submitted, in review, approved or declined, completed) that the team moves with a note the
 * patient reads in the thread. The fields are sealed at rest; every change is audited; emails say
 * only that there is something to see.
 */
package org.patientportal.requests;
