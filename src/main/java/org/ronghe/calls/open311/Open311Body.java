package org.ronghe.calls.open311;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One answer in both formats, following the specification's mapping between them: an object is an
 * element with one child per field; a list is a JSON array and, in XML, one element per item inside
 * the enclosing element ({@code <services><service>…}); a null is JSON null and an empty element.
 *
 * @param root  the XML root element (the JSON answer has no root name)
 * @param value a {@link Fields}, an {@link Items}, a string, number, boolean or null
 */
record Open311Body(String root, Object value) {

    static final MediaType JSON = new MediaType("application", "json", StandardCharsets.UTF_8);
    static final MediaType XML = new MediaType("text", "xml", StandardCharsets.UTF_8);
    private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newFactory();

    /** A list: a JSON array; in XML one {@code itemName} element per value. */
    record Items(String itemName, List<?> values) {
    }

    /** An ordered set of fields, nulls kept (they are part of the answer). */
    static final class Fields extends LinkedHashMap<String, Object> {

        Fields with(String name, Object value) {
            put(name, value);
            return this;
        }
    }

    static Fields fields() {
        return new Fields();
    }

    /** The formats of the specification: XML (required) and JSON. */
    enum Format {
        JSON, XML;

        /** The format named by the resource's extension; anything else is refused. */
        static Format of(String extension) {
            if ("json".equalsIgnoreCase(extension)) {
                return JSON;
            }
            if ("xml".equalsIgnoreCase(extension)) {
                return XML;
            }
            throw Open311Exception.badRequest("不支持的格式：" + extension + "（请使用 .xml 或 .json）");
        }

        /** The format of a request path, for answers given before the handler ran; XML unless it ends in .json. */
        static Format ofPath(String path) {
            return path != null && path.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? JSON : XML;
        }
    }

    ResponseEntity<byte[]> answer(HttpStatus status, Format format, JsonMapper mapper) {
        byte[] body = format == Format.JSON ? mapper.writeValueAsBytes(json(value)) : xml();
        return ResponseEntity.status(status)
                .header(HttpHeaders.CONTENT_TYPE, (format == Format.JSON ? JSON : XML).toString())
                .body(body);
    }

    static JsonNode json(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value == null) {
            return nodes.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = nodes.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), json(v)));
            return object;
        }
        if (value instanceof Items items) {
            ArrayNode array = nodes.arrayNode();
            items.values().forEach(v -> array.add(json(v)));
            return array;
        }
        if (value instanceof Boolean b) {
            return nodes.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Long) {
            return nodes.numberNode(((Number) value).longValue());
        }
        if (value instanceof Number n) {
            return nodes.numberNode(new BigDecimal(n.toString()));
        }
        return nodes.stringNode(value.toString());
    }

    byte[] xml() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // The declaration as the specification shows it (StAX writers differ in their quotes).
        out.writeBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".getBytes(StandardCharsets.UTF_8));
        try {
            XMLStreamWriter writer = XML_OUTPUT.createXMLStreamWriter(out, "UTF-8");
            element(writer, root, value);
            writer.flush();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("XML 输出失败", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter writer, String name, Object value) throws XMLStreamException {
        if (value == null) {
            writer.writeEmptyElement(name);
            return;
        }
        writer.writeStartElement(name);
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                element(writer, String.valueOf(e.getKey()), e.getValue());
            }
        } else if (value instanceof Items items) {
            for (Object item : items.values()) {
                element(writer, items.itemName(), item);
            }
        } else if (value instanceof Double || value instanceof Float) {
            writer.writeCharacters(new BigDecimal(value.toString()).toPlainString());
        } else {
            writer.writeCharacters(text(value.toString()));
        }
        writer.writeEndElement();
    }

    /** Leaves out the characters XML 1.0 cannot carry (control characters a client might have sent). */
    private static String text(String s) {
        StringBuilder clean = new StringBuilder(s.length());
        s.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF))
                .forEach(clean::appendCodePoint);
        return clean.toString();
    }
}
