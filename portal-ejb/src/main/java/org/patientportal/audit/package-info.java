/**
 * The access log: who did what to which patient's information, from where, and whether it was
 * allowed. Entries are written in the transaction of the access they record; auditors search them.
 */
package org.patientportal.audit;
