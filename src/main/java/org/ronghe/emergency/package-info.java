/**
 * C6, emergency mobilisation (应急动员): an emergency declared by the committee with its zone and command
 * structure, temporary party branches at sites, commando and vanguard teams, vanguard posts, call-ups of members
 * answered once each and their postings; stand-down ends it and dissolves its temporary branches, keeping every
 * record; residents' needs are emergency-urgency calls raised in the zone, routed to its teams; three-level stationing
 * by shift (leaders at streets, cadres at communities, three-person teams at compounds) and the 72-hour coverage
 * board, gaps first.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Emergency")
package org.ronghe.emergency;
