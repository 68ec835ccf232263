package org.ronghe.emergency;

import org.ronghe.platform.Labelled;

/** Where a temporary party branch is set up. */
public enum SiteKind implements Labelled {
    CLINIC("医疗点"), TESTING_POINT("核酸检测点"), QUARANTINE_HOTEL("隔离酒店"), CHECKPOINT("防控卡口"), COMPOUND("小区"), OTHER("其他");

    private final String label;

    SiteKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
