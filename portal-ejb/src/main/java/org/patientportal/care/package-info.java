/**
 * Care teams. A pool (e.g. Breast Oncology) is worked by clinicians and staff and cares for a set
 * of patients; a patient's care team is the pools that care for them and their members. Messaging
 * asks this feature who a patient may write to and who may read a thread addressed to a pool.
 */
package org.patientportal.care;
