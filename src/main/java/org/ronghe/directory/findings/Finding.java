package org.ronghe.directory.findings;

import com.fasterxml.jackson.annotation.JsonProperty;
/**
 * One broken rule on one record, with the measured value and the limit it broke.
 *
 * @param subject     {@code party-org} or {@code organ}
 * @param subjectCode the record's code; with {@code subject} it names the page and API resource behind the finding
 */
public record Finding(FindingRule rule, String subject, String subjectCode, String subjectName, String organCode,
                      String organName, String value, String limit) {

    @JsonProperty
    public String href() {
        return "/" + subject + "s/" + subjectCode;
    }

    @JsonProperty
    public String api() {
        return "/api/v1/directory/" + subject + "s/" + subjectCode;
    }

    @JsonProperty
    public String ruleLabel() {
        return rule.label();
    }
}
