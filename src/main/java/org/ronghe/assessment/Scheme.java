package org.ronghe.assessment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A yearly, versioned assessment scheme (考核方案): dimensions of indicators whose weights make exactly 100, the
 * grade thresholds, any vetoes (一票否决). Only {@link #of} makes one, and only when {@link SchemeValidator}
 * finds nothing wrong, so every scheme in hand can be scored.
 */
public final class Scheme {

    private final int year;
    private final int version;
    private final String name;
    private final Thresholds thresholds;
    private final List<Dimension> dimensions;

    private Scheme(int year, int version, String name, Thresholds thresholds, List<Dimension> dimensions) {
        this.year = year;
        this.version = version;
        this.name = name;
        this.thresholds = thresholds;
        this.dimensions = dimensions;
    }

    /** The scheme, or {@link SchemeRefused} listing every problem. */
    public static Scheme of(int year, int version, String name, Thresholds thresholds, List<Dimension> dimensions) {
        List<Dimension> copy = dimensions == null ? List.of() : List.copyOf(dimensions);
        List<String> problems = SchemeValidator.problems(year, version, name, thresholds, copy);
        if (!problems.isEmpty()) {
            throw new SchemeRefused(problems);
        }
        return new Scheme(year, version, name.trim(), thresholds, copy);
    }

    public int year() {
        return year;
    }

    public int version() {
        return version;
    }

    public String name() {
        return name;
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    public List<Dimension> dimensions() {
        return dimensions;
    }

    public Stream<Indicator> indicators() {
        return dimensions.stream().flatMap(d -> d.indicators().stream());
    }

    public Optional<Indicator> indicator(String code) {
        return indicators().filter(i -> i.code().equals(code)).findFirst();
    }

    /** The weight of the manual indicators, at most 10. */
    public BigDecimal manualWeight() {
        return SchemeValidator.manualWeight(dimensions);
    }

    /** The metrics its indicators read, in scheme order, each once. */
    public List<Metric> metrics() {
        return indicators().map(Indicator::rule).filter(r -> !(r instanceof Rule.Manual)).map(Rule::metric).distinct().toList();
    }

    @Override
    public String toString() {
        return name + "（" + year + " 第 " + version + " 版）";
    }
}
