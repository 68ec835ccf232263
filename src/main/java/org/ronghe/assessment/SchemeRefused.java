package org.ronghe.assessment;

import java.util.List;

/** A scheme refused as a whole, with every problem found (nothing of it is kept). */
public class SchemeRefused extends IllegalArgumentException {

    private final transient List<String> problems;

    public SchemeRefused(List<String> problems) {
        super("考核方案未通过校验：" + String.join("；", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
