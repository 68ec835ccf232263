/**
 * C7, the service network (服务阵地): the party-mass service centres (党群服务中心) at four levels — district,
 * street, community and station (驿站) — and the temporary points (临时点位) opened for a while, such as
 * sampling or supply points, each with its services, opening hours and staff on duty. Everybody signed in
 * reads it (it is public service information); staff phones are masked except for the work committee and
 * the staff of the centre's own street or community, who are also the ones to keep it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service network")
package org.ronghe.network;
