/**
 * Insight (C8): the diagnosis of the report's three failures from the records (淡化, 两张皮, 层层递减), the command
 * dashboard and its wall screen, and the draft of the annual report. It reads the other modules through their APIs
 * and keeps nothing of its own but what it computes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insight")
package org.ronghe.insight;
