package org.ronghe.platform;

import java.util.List;
import java.util.Map;

/**
 * Input refused as a whole, with every reason listed (e.g. an import with bad rows). Answered with
 * 422 and the errors as a machine-readable list; nothing has been changed.
 */
public class RejectedInputException extends RuntimeException {

    private final String type;
    private final String title;
    private final List<?> errors;
    private final Map<String, Object> properties;

    public RejectedInputException(String type, String title, String detail, List<?> errors, Map<String, Object> properties) {
        super(detail);
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.properties = Map.copyOf(properties);
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<?> errors() {
        return errors;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
