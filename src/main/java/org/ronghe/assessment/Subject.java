package org.ronghe.assessment;

/** Who is assessed: an organ (机关) or a party organisation (党组织), by its code in the directory. */
public record Subject(Kind kind, String code, String name) {

    public enum Kind {
        ORGAN("机关"), ORGANISATION("党组织");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Subject {
        if (kind == null || code == null || code.isBlank()) {
            throw new IllegalArgumentException("考核对象须有类别和编码");
        }
    }
}
