package org.ronghe.calls.open311;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules every Open311 answer is held to: JSON against the schemas in {@code src/test/resources/open311/}
 * (the official GeoReport v2 schemas, plus ours for the answers the official set leaves out), and XML
 * against the same schemas read as field rules: the root and item element names, no foreign elements,
 * every {@code required} field present and not empty, {@code enum} values, types (boolean, number,
 * integer, string), the {@code date-time} and {@code uri} formats and {@code maxLength}. One set of
 * rules, two formats.
 */
final class GeoReportRules {

    private static final String BASE = "open311/";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
    private static final Map<String, JsonNode> TREES = new ConcurrentHashMap<>();
    /** Element names of list items in XML, where the singular is not simply the name without its "s". */
    private static final Map<String, String> ITEM_NAMES = Map.of("attributes", "attribute", "values", "value",
            "endpoints", "endpoint", "formats", "format", "services", "service", "service_requests", "request",
            "errors", "error");

    private GeoReportRules() {
    }

    /** The schema violations of a JSON answer; {@code schema} is relative to {@code open311/}, e.g. {@code georeport-v2/requests.json}. */
    static List<String> jsonErrors(String schema, JsonNode answer) {
        Schema compiled = SCHEMAS.computeIfAbsent(schema,
                s -> REGISTRY.getSchema(SchemaLocation.of("classpath:" + BASE + s)));
        return compiled.validate(answer).stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    /** The rule violations of an XML answer whose root element is {@code root}. */
    static List<String> xmlErrors(String schema, String root, byte[] answer) {
        List<String> errors = new ArrayList<>();
        String text = new String(answer, StandardCharsets.UTF_8);
        if (!text.matches("(?s)<\\?xml version=[\"']1\\.0[\"'] encoding=[\"'](?i:utf-8)[\"'].*")) {
            errors.add("the root element must be preceded by an XML declaration with encoding=\"UTF-8\"");
        }
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(answer));
        } catch (Exception e) {
            errors.add("not well-formed XML: " + e.getMessage());
            return errors;
        }
        Element element = document.getDocumentElement();
        if (!element.getTagName().equals(root)) {
            errors.add("root element is <" + element.getTagName() + ">, expected <" + root + ">");
            return errors;
        }
        if (element.getNamespaceURI() != null || element.hasAttribute("xmlns")) {
            errors.add("the XML must have no namespace");
        }
        new Checker(errors).value(element, new Ref(schema, tree(schema)), "/" + root);
        return errors;
    }

    /** The XML children of an element, by document order. */
    static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                children.add(child);
            }
        }
        return children;
    }

    /** The text of a child element, or null when it is absent. */
    static String text(Element parent, String name) {
        return children(parent).stream().filter(c -> c.getTagName().equals(name)).findFirst()
                .map(Element::getTextContent).orElse(null);
    }

    private static JsonNode tree(String file) {
        return TREES.computeIfAbsent(file, f -> {
            try (InputStream in = GeoReportRules.class.getClassLoader().getResourceAsStream(BASE + f)) {
                if (in == null) {
                    throw new IllegalArgumentException("no schema " + BASE + f);
                }
                return MAPPER.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A schema node and the file it is in, against which its {@code $ref}s resolve. */
    private record Ref(String file, JsonNode node) {

        Ref resolve() {
            Ref ref = this;
            Set<String> seen = new HashSet<>();
            while (ref.node.has("$ref")) {
                String target = ref.node.get("$ref").asString();
                if (!seen.add(ref.file + "|" + target)) {
                    throw new IllegalStateException("circular $ref " + target);
                }
                int hash = target.indexOf('#');
                String path = hash < 0 ? target : target.substring(0, hash);
                String pointer = hash < 0 ? "" : target.substring(hash + 1);
                String file = path.isEmpty() ? ref.file : URI.create(ref.file).resolve(path).toString();
                JsonNode node = tree(file).at(pointer);
                if (node.isMissingNode()) {
                    throw new IllegalStateException("unresolved $ref " + target + " in " + ref.file);
                }
                ref = new Ref(file, node);
            }
            return ref;
        }

        Ref child(String name) {
            return new Ref(file, node.get(name));
        }
    }

    private record Checker(List<String> errors) {

        void value(Element element, Ref schema, String path) {
            Ref s = schema.resolve();
            List<JsonNode> alternatives = new ArrayList<>();
            if (s.node().has("anyOf")) {
                s.node().get("anyOf").forEach(alternatives::add);
            } else {
                alternatives.add(s.node());
            }
            boolean nullable = alternatives.stream().anyMatch(a -> "null".equals(a.path("type").asString(null)));
            JsonNode main = alternatives.stream().filter(a -> !"null".equals(a.path("type").asString(null)))
                    .findFirst().orElse(s.node());
            Ref rule = new Ref(s.file(), main).resolve();
            String type = rule.node().path("type").asString(rule.node().has("properties") ? "object" : "string");
            List<Element> children = children(element);
            String text = element.getTextContent();
            boolean empty = children.isEmpty() && text.isBlank();
            if (empty && nullable) {
                return;
            }
            switch (type) {
                case "object" -> object(element, rule, path);
                case "array" -> array(element, rule, path);
                default -> scalar(element, rule.node(), type, path);
            }
        }

        private void object(Element element, Ref schema, String path) {
            JsonNode properties = schema.node().path("properties");
            Set<String> present = new HashSet<>();
            for (Element child : children(element)) {
                String name = child.getTagName();
                if (!properties.has(name)) {
                    errors.add(path + ": foreign element <" + name + ">");
                    continue;
                }
                if (!present.add(name)) {
                    errors.add(path + ": <" + name + "> appears more than once");
                }
                value(child, schema.child("properties").child(name), path + "/" + name);
            }
            schema.node().path("required").forEach(r -> {
                String name = r.asString();
                if (!present.contains(name)) {
                    errors.add(path + ": required <" + name + "> is missing");
                    return;
                }
                Ref property = schema.child("properties").child(name).resolve();
                String type = property.node().path("type").asString("");
                Element child = children(element).stream().filter(c -> c.getTagName().equals(name)).findFirst().orElseThrow();
                if (!type.equals("array") && !type.equals("object") && child.getTextContent().isBlank()) {
                    errors.add(path + ": required <" + name + "> is empty");
                }
            });
        }

        private void array(Element element, Ref schema, String path) {
            String itemName = ITEM_NAMES.getOrDefault(element.getTagName(),
                    element.getTagName().endsWith("s") ? element.getTagName().substring(0, element.getTagName().length() - 1) : "item");
            List<Element> items = children(element);
            int min = schema.node().path("minItems").asInt(0);
            if (items.size() < min) {
                errors.add(path + ": at least " + min + " <" + itemName + "> expected, found " + items.size());
            }
            for (int i = 0; i < items.size(); i++) {
                Element item = items.get(i);
                if (!item.getTagName().equals(itemName)) {
                    errors.add(path + ": <" + item.getTagName() + "> where <" + itemName + "> was expected");
                    continue;
                }
                value(item, schema.child("items"), path + "/" + itemName + "[" + (i + 1) + "]");
            }
            if (!element.getTextContent().isBlank() && items.isEmpty()) {
                errors.add(path + ": a list must hold elements, not text");
            }
        }

        private void scalar(Element element, JsonNode rule, String type, String path) {
            if (!children(element).isEmpty()) {
                errors.add(path + ": a " + type + " must not hold elements");
                return;
            }
            String text = element.getTextContent().strip();
            switch (type) {
                case "boolean" -> {
                    if (!text.equals("true") && !text.equals("false")) {
                        errors.add(path + ": \"" + text + "\" is not a boolean");
                    }
                }
                case "number" -> {
                    try {
                        Double.parseDouble(text);
                    } catch (NumberFormatException e) {
                        errors.add(path + ": \"" + text + "\" is not a number");
                    }
                }
                case "integer" -> {
                    try {
                        Long.parseLong(text);
                    } catch (NumberFormatException e) {
                        errors.add(path + ": \"" + text + "\" is not an integer");
                    }
                }
                default -> {
                    if (rule.has("maxLength") && text.codePointCount(0, text.length()) > rule.get("maxLength").asInt()) {
                        errors.add(path + ": longer than " + rule.get("maxLength").asInt());
                    }
                    if (rule.has("minLength") && text.codePointCount(0, text.length()) < rule.get("minLength").asInt()) {
                        errors.add(path + ": shorter than " + rule.get("minLength").asInt());
                    }
                    String format = rule.path("format").asString("");
                    if (format.equals("date-time")) {
                        try {
                            OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                        } catch (DateTimeParseException e) {
                            errors.add(path + ": \"" + text + "\" is not a W3C date-time with an offset");
                        }
                    } else if (format.equals("uri")) {
                        try {
                            if (!new URI(text).isAbsolute()) {
                                errors.add(path + ": \"" + text + "\" is not an absolute URI");
                            }
                        } catch (URISyntaxException e) {
                            errors.add(path + ": \"" + text + "\" is not a URI");
                        }
                    }
                }
            }
            if (rule.has("enum")) {
                List<String> allowed = new ArrayList<>();
                rule.get("enum").forEach(v -> allowed.add(v.asString()));
                if (!allowed.contains(text)) {
                    errors.add(path + ": \"" + text + "\" is not one of " + allowed);
                }
            }
        }
    }
}
