package org.ronghe.partylife.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.ronghe.partylife.review.Grade;
import org.ronghe.partylife.review.Reviews;
import org.springframework.stereotype.Component;

/** 民主评议结果: the grade the branch decided for each member in the year's review; probationary members are not graded. */
@Component
class ReviewResults implements LedgerSection {

    private final Reviews reviews;

    ReviewResults(Reviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public String key() {
        return "reviews";
    }

    @Override
    public String title() {
        return "民主评议结果";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public Table table(LedgerYear year) {
        List<Reviews.Result> results = reviews.results(year.org().id(), year.year());
        List<Row> rows = new ArrayList<>();
        for (Reviews.Result r : results) {
            rows.add(Row.of(rows.size() + 1, r.code(), r.name(), r.full() ? "正式党员" : "预备党员",
                    r.full() ? r.gradeLabel() : "不评定等次"));
        }
        Map<Grade, Long> byGrade = new EnumMap<>(Grade.class);
        byGrade.putAll(results.stream().filter(r -> r.grade() != null).collect(Collectors.groupingBy(Reviews.Result::grade,
                Collectors.counting())));
        String grades = Arrays.stream(Grade.values()).map(g -> g.label() + " " + byGrade.getOrDefault(g, 0L))
                .collect(Collectors.joining("，"));
        List<Row> totals = results.isEmpty() ? List.of() : List.of(Row.of("合计", results.size() + " 人", null, null, grades));
        return new Table(List.of(Column.of("序号", 3), Column.of("党员编码", 6), Column.of("姓名", 5), Column.of("身份", 5),
                Column.wrapped("评定等次", 24)), rows, totals);
    }
}
