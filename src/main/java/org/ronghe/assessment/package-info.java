/**
 * Assessment (C5, 量化考核): the yearly, versioned indicator schemes (维度 → 指标, weights summing to 100, one rule
 * type per indicator, grades 好 / 较好 / 一般 / 差, 一票否决) and their scoring of an organ or a party organisation
 * from the records of the other modules — call rates, visits, organisational life — never from logins, online
 * time, likes, screenshots, uploads or photos. Every score explains itself down to the records behind it. So far
 * the domain only, plain Java: storage, runs, publishing, API, pages and diagnosis come next. See
 * {@code docs/assessment.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assessment")
package org.ronghe.assessment;
