/**
 * C2, call and response (有呼必应): bottom-up calls raised by communities, streets and grids and
 * answered by organs, top-down directives answered by every unit, deadlines on the working calendar,
 * urging and escalation by persistent timers, the rates computed from it all, and Open311.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calls")
package org.ronghe.calls;
