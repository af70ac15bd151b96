/**
 * Care teams. A pool (e.g. Breast Oncology) is worked by clinicians and staff, may have a lead
 * among them, and cares for a set of patients; a patient's care team is the pools that care for
 * them and their members. Administrators manage teams ({@code CareTeamAdmin}); clinicians record
 * away periods with a covering colleague ({@code AwayPeriods}). Messaging asks this feature who a
 * patient may write to, who takes a message while its addressee is away, and who may read a thread
 * addressed to a pool or to a colleague one covers for. Changes are announced as {@code CareChange}
 * events, which the access log records.
 */
package org.patientportal.care;
