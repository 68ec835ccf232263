package org.ronghe.insight.report;

import java.time.LocalDate;
import java.util.List;

/**
 * The draft of the annual research report, in the seed report's structure: the title, 一、主要做法 (the figures, each
 * from a {@code FigureSource}, for the current year only), 二、现实问题及原因分析 (the diagnosis, with named evidence),
 * 三、对策措施 (headings the committee writes under) and the appendix 数据来源 listing every figure with its link.
 *
 * @param figuresStated whether section one states figures: only the current year's report does, since the figures are
 *                      the records as they are today and are never passed off as a past year's
 */
public record AnnualReport(String title, int year, LocalDate asOf, String preface, List<Section> sections, boolean figuresStated,
                           List<Source> sources) {

    public AnnualReport {
        sections = List.copyOf(sections);
        sources = List.copyOf(sources);
    }

    /** A numbered section (一、…) with its parts ((一)…), or plain paragraphs when it has no parts. */
    public record Section(String heading, List<String> paragraphs, List<Part> parts) {

        public Section {
            paragraphs = List.copyOf(paragraphs);
            parts = List.copyOf(parts);
        }
    }

    public record Part(String heading, List<String> paragraphs) {

        public Part {
            paragraphs = List.copyOf(paragraphs);
        }
    }

    /** A figure stated in the report: its key in {@code GET /api/v1/figures}, name, value as stated, and list. */
    public record Source(String key, String label, String value, String link) {
    }
}
