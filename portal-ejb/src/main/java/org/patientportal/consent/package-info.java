/**
 * Sensitive topics and the patient's consent. A patient records, per {@link
 * org.patientportal.consent.entity.SensitiveTopic}, whether the care team may reference it in
 * messages; each change is a row of its history ({@link
 * org.patientportal.consent.entity.ConsentChange}) and an audit entry. Messaging asks {@link
 * org.patientportal.consent.boundary.Agreements} which flagged topics a patient has not agreed to
 * before it sends, and suggests flags from {@link org.patientportal.consent.control.TopicKeywords}
 * (English and Spanish) through {@link org.patientportal.consent.boundary.Consents}.
 */
package org.patientportal.consent;
