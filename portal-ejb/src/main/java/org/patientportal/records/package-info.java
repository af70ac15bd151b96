/**
 * Filing into the medical record: a clinician files a thread, or chosen messages of it, as an
 * immutable record entry: a snapshot of what was said, by whom, to whom and when, sealed like a
 * message body and signed with the record's own Ed25519 key (verified on every read). An entry is
 * never changed or deleted; it is amended, for a stated reason, by filing a new version that points
 * at it. The signing key is rotated by an administrator; old public keys stay, and all are exported
 * so that others verify entries. The web tier renders an entry as a FHIR R4 Bundle of Communication
 * resources.
 */
package org.patientportal.records;
