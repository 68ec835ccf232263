package org.ronghe.directory.web;

/** Answers an htmx request with just the results fragment, and a normal request with the whole page. */
final class Htmx {

    private Htmx() {
    }

    static String view(String htmxHeader, String template) {
        return htmxHeader != null && htmxHeader.equals("true") ? template + " :: results" : template;
    }
}
