/**
 * Proxy access, given and ended: patients (and staff, for a minor or a patient who cannot) let a
 * caregiver act for them within scopes until an expiry, and revoke it; caregivers see whom they act
 * for. The grants themselves ({@code care.entity.ProxyGrant}) and the question "may this caregiver
 * act for this patient now" ({@code care.boundary.Proxies}) live in care, which the features that
 * let a caregiver in (messaging, requests) ask; this feature is the edge that audits the grants.
 */
package org.patientportal.proxy;
