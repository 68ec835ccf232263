package org.ronghe.directory.findings;

/**
 * One broken rule on one record, with the measured value and the limit it broke.
 *
 * @param subject     {@code party-org} or {@code organ}
 * @param subjectCode the record's code; with {@code subject} it names the page and API resource behind the finding
 */
public record Finding(FindingRule rule, String subject, String subjectCode, String subjectName, String organCode,
                      String organName, String value, String limit) {

    public String href() {
        return "/" + subject + "s/" + subjectCode;
    }

    public String api() {
        return "/api/v1/directory/" + subject + "s/" + subjectCode;
    }

    public String ruleLabel() {
        return rule.label();
    }
}
