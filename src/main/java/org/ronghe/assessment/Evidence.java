package org.ronghe.assessment;

/**
 * The records behind a value: how many there are and where to list them (a page of the module that keeps them,
 * e.g. {@code /calls?organ=JG001&from=2026-01-01&to=2026-12-31}).
 */
public record Evidence(long count, String link) {

    public Evidence {
        if (count < 0) {
            throw new IllegalArgumentException("依据的记录数不能为负：" + count);
        }
        if (link == null || !link.startsWith("/")) {
            throw new IllegalArgumentException("依据须链接到平台内的记录，如 /calls?organ=…，现为：" + link);
        }
    }
}
