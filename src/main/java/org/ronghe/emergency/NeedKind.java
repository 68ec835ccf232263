package org.ronghe.emergency;

import java.util.Arrays;

import org.ronghe.platform.Labelled;

/**
 * What a resident needs in an emergency; each kind is a call category (migration V8_23), so a need is an ordinary
 * call. An emergency call of any other category raised in the zone counts as OTHER.
 */
public enum NeedKind implements Labelled {
    MEDICINE("药品", "NEED_MEDICINE"),
    FOOD("生活物资", "NEED_FOOD"),
    TRANSPORT("出行/就医转运", "NEED_TRANSPORT"),
    OTHER("其他", "NEED_OTHER");

    private final String label;
    private final String category;

    NeedKind(String label, String category) {
        this.label = label;
        this.category = category;
    }

    @Override
    public String label() {
        return label;
    }

    /** The call category of this kind. */
    public String category() {
        return category;
    }

    static NeedKind ofCategory(String category) {
        return Arrays.stream(values()).filter(k -> k.category.equals(category)).findFirst().orElse(OTHER);
    }
}
