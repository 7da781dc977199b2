package jp.machi.engagement.open311.interfaces.rest;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The two response formats of Open311 GeoReport v2, chosen by the path's extension: JSON (an array
 * or object of the specification's field names) and XML (a root element, one element per item, one
 * per field; an absent value is an empty element).
 */
enum Open311Format {
    JSON("application/json; charset=UTF-8"),
    XML("text/xml; charset=UTF-8");

    private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newFactory();

    private final String mediaType;

    Open311Format(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The format of an extension ({@code json}, {@code xml}), or null. */
    static Open311Format of(String extension) {
        if (extension == null) {
            return null;
        }
        return switch (extension.toLowerCase(Locale.ROOT)) {
            case "json" -> JSON;
            case "xml" -> XML;
            default -> null;
        };
    }

    /** A list of items under a parent element (JSON: an array); nested in an item for lists of objects or values. */
    record Items(String element, List<?> values) {
    }

    /** An item: field names in order, values String, Number, Boolean, null, {@link Items} or another Map. */
    static Map<String, Object> item() {
        return new LinkedHashMap<>();
    }

    Response list(int status, String root, String element, List<Map<String, Object>> items) {
        String body;
        if (this == JSON) {
            body = array(items).build().toString();
        } else {
            body = xml(w -> {
                w.writeStartElement(root);
                for (Map<String, Object> i : items) {
                    writeItem(w, element, i);
                }
                w.writeEndElement();
            });
        }
        return Response.status(status).type(mediaType).entity(body).build();
    }

    Response object(int status, String root, Map<String, Object> fields) {
        String body = this == JSON ? object(fields).build().toString() : xml(w -> writeItem(w, root, fields));
        return Response.status(status).type(mediaType).entity(body).build();
    }

    private static JsonArrayBuilder array(List<?> values) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (Object v : values) {
            if (v == null) {
                a.addNull();
            } else if (v instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) m;
                a.add(object(fields));
            } else if (v instanceof Boolean b) {
                a.add(b);
            } else if (v instanceof Integer n) {
                a.add(n);
            } else if (v instanceof Number n) {
                a.add(n.doubleValue());
            } else {
                a.add(v.toString());
            }
        }
        return a;
    }

    private static JsonObjectBuilder object(Map<String, Object> fields) {
        JsonObjectBuilder o = Json.createObjectBuilder();
        fields.forEach((k, v) -> {
            if (v == null) {
                o.addNull(k);
            } else if (v instanceof Items items) {
                o.add(k, array(items.values()));
            } else if (v instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> nested = (Map<String, Object>) m;
                o.add(k, object(nested));
            } else if (v instanceof Boolean b) {
                o.add(k, b);
            } else if (v instanceof Integer n) {
                o.add(k, n);
            } else if (v instanceof Number n) {
                o.add(k, n.doubleValue());
            } else {
                o.add(k, v.toString());
            }
        });
        return o;
    }

    /** Text without the characters XML 1.0 cannot carry (control characters other than tab and line breaks). */
    static String xmlText(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000).forEach(b::appendCodePoint);
        return b.toString();
    }

    private interface XmlBody {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static String xml(XmlBody body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XML_OUTPUT.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing XML to a string cannot fail", e);
        }
        return out.toString();
    }

    private static void writeItem(XMLStreamWriter w, String element, Map<String, Object> fields)
            throws XMLStreamException {
        w.writeStartElement(element);
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            writeValue(w, f.getKey(), f.getValue());
        }
        w.writeEndElement();
    }

    @SuppressWarnings("unchecked")
    private static void writeValue(XMLStreamWriter w, String element, Object v) throws XMLStreamException {
        if (v instanceof Items items) {
            w.writeStartElement(element);
            for (Object i : items.values()) {
                writeValue(w, items.element(), i);
            }
            w.writeEndElement();
        } else if (v instanceof Map<?, ?> m) {
            writeItem(w, element, (Map<String, Object>) m);
        } else {
            w.writeStartElement(element);
            if (v != null) {
                w.writeCharacters(xmlText(v.toString()));
            }
            w.writeEndElement();
        }
    }
}
