/**
 * Encryption at rest: envelope encryption of health information. Each sealed value has its own
 * AES-256-GCM data key, bound to the ids of what it belongs to (the associated data); the data key
 * is stored wrapped (AES key wrap, RFC 3394) by a versioned key-encryption key from a BCFKS key
 * store kept outside the database. Rotating the key-encryption key re-wraps data keys without
 * touching the ciphertext.
 */
package org.patientportal.crypto;
