/**
 * What the portal runs on: the schema (Flyway migrations, then Hibernate's validation), the demo
 * data, the clock, the origin of the current request and the readiness of the database.
 */
package org.patientportal.platform;
