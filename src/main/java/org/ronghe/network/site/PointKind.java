package org.ronghe.network.site;

import org.ronghe.platform.Labelled;

/** What a temporary point is for. */
public enum PointKind implements Labelled {

    SAMPLING("核酸采样点"),
    SUPPLY("物资供应点"),
    VACCINATION("疫苗接种点"),
    SHELTER("临时避险点"),
    SERVICE("临时服务点");

    private final String label;

    PointKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
