/**
 * Organisational life (C4): meetings of the party organisations (三会一课, 主题党日, 组织生活会, 民主评议党员) as
 * recorded, with attendance, the 第一议题 study, minutes and decisions; the frequency rules; compliance computed
 * from the records; reminders before a period ends. See {@code docs/partylife.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Party life")
package org.ronghe.partylife;
