/** Requests' views and API: the request forms, the list, and the status a care team moves. */
package org.patientportal.web.requests;
