package org.patientportal.care.entity;

/** What a caregiver may do for a patient under a grant. */
public enum ProxyScope {
  /** Read and write the patient's messages. */
  MESSAGING,
  /** Make routine requests (appointments, renewals, referrals) for the patient. */
  REQUESTS,
  /** See and settle the patient's bills. */
  BILLING
}
