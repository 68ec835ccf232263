/**
 * C6, emergency mobilisation (应急动员): an emergency declared by the committee with its zone and command
 * structure, temporary party branches at sites, commando and vanguard teams, vanguard posts, call-ups of members
 * answered once each and their postings; stand-down ends it and dissolves its temporary branches, keeping every
 * record; residents' needs are emergency-urgency calls raised in the zone, routed to its teams. Stationing and
 * the coverage board come next.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Emergency")
package org.ronghe.emergency;
