package org.wardnet.adapters.onvif;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads untrusted XML from devices into {@link XmlElement} trees with the JDK's StAX parser,
 * configured so that hostile input cannot reach files or memory: any DOCTYPE is refused outright
 * (no DTD means no external entities and no entity expansion, so neither XXE nor billion-laughs can
 * start), external entity resolution is off as a second guard, and size, depth and element count
 * are bounded.
 *
 * <p>Limits: the whole document is held in memory, so callers bound its size before calling (the
 * byte limit here is a last check); real ONVIF replies are a few to a few hundred kilobytes.
 * Thread-safe: the factory is shared, readers are per call.
 */
public final class SafeXmlReader {

    /** Deepest nesting accepted; ONVIF profiles nest about 12 deep. */
    static final int MAX_DEPTH = 64;
    /** Most elements accepted in one document. */
    static final int MAX_ELEMENTS = 200_000;

    private static final XMLInputFactory FACTORY = createFactory();

    private final int maxBytes;

    public SafeXmlReader(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    private static XMLInputFactory createFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        return factory;
    }

    /**
     * @throws OnvifException {@link OnvifError#TOO_LARGE}, {@link OnvifError#UNSAFE_XML} for any
     *                        DOCTYPE, {@link OnvifError#MALFORMED_XML} for everything else wrong
     */
    public XmlElement read(byte[] document) throws OnvifException {
        if (document.length > maxBytes) {
            throw new OnvifException(OnvifError.TOO_LARGE,
                    "reply of " + document.length + " bytes is over the limit of " + maxBytes);
        }
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new StringReader(XmlDecoding.text(document)));
            return readDocument(reader);
        } catch (XMLStreamException e) {
            String message = e.getMessage() == null ? "unreadable XML" : e.getMessage().replaceAll("\\s+", " ");
            throw new OnvifException(OnvifError.MALFORMED_XML, "malformed XML: " + message);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release beyond the in-memory stream
                }
            }
        }
    }

    private static XmlElement readDocument(XMLStreamReader reader) throws XMLStreamException, OnvifException {
        Deque<Builder> open = new ArrayDeque<>();
        XmlElement root = null;
        int elements = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.DTD:
                    throw new OnvifException(OnvifError.UNSAFE_XML,
                            "reply declares a DOCTYPE; refused (entity expansion and external entities)");
                case XMLStreamConstants.ENTITY_REFERENCE:
                    throw new OnvifException(OnvifError.UNSAFE_XML,
                            "reply uses the undeclared entity &" + reader.getLocalName() + ";");
                case XMLStreamConstants.START_ELEMENT:
                    if (++elements > MAX_ELEMENTS) {
                        throw new OnvifException(OnvifError.TOO_LARGE, "reply has over " + MAX_ELEMENTS + " elements");
                    }
                    if (open.size() >= MAX_DEPTH) {
                        throw new OnvifException(OnvifError.MALFORMED_XML, "reply nests deeper than " + MAX_DEPTH);
                    }
                    open.push(new Builder(reader));
                    break;
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                    if (!open.isEmpty()) {
                        open.peek().text.append(reader.getText());
                    }
                    break;
                case XMLStreamConstants.END_ELEMENT:
                    XmlElement done = open.pop().build();
                    if (open.isEmpty()) {
                        root = done;
                    } else {
                        open.peek().children.add(done);
                    }
                    break;
                default:
                    break;
            }
        }
        if (root == null) {
            throw new OnvifException(OnvifError.MALFORMED_XML, "reply holds no XML element");
        }
        return root;
    }

    private static final class Builder {
        final String namespace;
        final String name;
        final Map<String, String> attributes = new HashMap<>();
        final List<XmlElement> children = new ArrayList<>();
        final StringBuilder text = new StringBuilder();

        Builder(XMLStreamReader reader) {
            namespace = reader.getNamespaceURI();
            name = reader.getLocalName();
            for (int i = 0; i < reader.getAttributeCount(); i++) {
                attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
            }
        }

        XmlElement build() {
            return new XmlElement(namespace, name, attributes, children, text.toString().strip());
        }
    }
}
