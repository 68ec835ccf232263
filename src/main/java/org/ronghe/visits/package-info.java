/**
 * C3, households and pairings (访千家进万户、双报到): households, visit campaigns drawn from the
 * organ ↔ community pairings and the leaders' liaisons, visits recorded on a phone with every problem
 * heard raised as a call and followed back to the household (回访), coverage and follow-through,
 * members' check-in at their residential community with its service items and hours, and the
 * communities' evaluation of the organs paired with them (基层评议机关).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Visits")
package org.ronghe.visits;
