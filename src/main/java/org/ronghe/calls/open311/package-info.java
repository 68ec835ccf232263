/**
 * Open311 GeoReport v2 under {@code /open311/v2/}: the call categories as services, calls raised by
 * registered clients (origin {@link org.ronghe.calls.Origin#OPEN311}) as service requests, in XML and
 * JSON, with the specification's error lists. Clients are registered by administrators under
 * {@code /api/v1/open311/clients} and identified by an api_key of which only a hash is stored.
 */
package org.ronghe.calls.open311;
