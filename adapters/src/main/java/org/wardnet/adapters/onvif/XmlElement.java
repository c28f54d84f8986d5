package org.wardnet.adapters.onvif;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One element of a parsed SOAP message: namespace, local name, attributes by local name, text and
 * children. Lookups go by local name because vendors bind the same namespaces to every prefix
 * imaginable ({@code tt:}, {@code ns2:}, none); where two namespaces share a local name the caller
 * checks {@link #namespace()}.
 *
 * <p>Immutable once built by {@link SafeXmlReader}. Text is the concatenated character data of the
 * element itself (not of its children), stripped.
 */
public final class XmlElement {

    private final String namespace;
    private final String name;
    private final Map<String, String> attributes;
    private final List<XmlElement> children;
    private final String text;

    XmlElement(String namespace, String name, Map<String, String> attributes, List<XmlElement> children, String text) {
        this.namespace = namespace == null ? "" : namespace;
        this.name = name;
        this.attributes = Map.copyOf(attributes);
        this.children = List.copyOf(children);
        this.text = text;
    }

    public String namespace() {
        return namespace;
    }

    public String name() {
        return name;
    }

    /** The element's own text, stripped; empty when it has none. */
    public String text() {
        return text;
    }

    /** An attribute by local name, whatever its prefix; null when absent. */
    public String attribute(String localName) {
        return attributes.get(localName);
    }

    public List<XmlElement> children() {
        return children;
    }

    /** The first direct child with this local name. */
    public Optional<XmlElement> child(String localName) {
        for (XmlElement child : children) {
            if (child.name.equals(localName)) {
                return Optional.of(child);
            }
        }
        return Optional.empty();
    }

    /** Every direct child with this local name, in document order. */
    public List<XmlElement> all(String localName) {
        List<XmlElement> found = new ArrayList<>();
        for (XmlElement child : children) {
            if (child.name.equals(localName)) {
                found.add(child);
            }
        }
        return found;
    }

    /** Follows a path of local names through first matches: {@code path("Resolution", "Width")}. */
    public Optional<XmlElement> path(String... localNames) {
        XmlElement at = this;
        for (String step : localNames) {
            Optional<XmlElement> next = at.child(step);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            at = next.get();
        }
        return Optional.of(at);
    }

    /** The text at a path, or null when the path does not exist or its text is empty. */
    public String textAt(String... localNames) {
        return path(localNames).map(XmlElement::text).filter(t -> !t.isEmpty()).orElse(null);
    }

    /** The first descendant (depth first, this element excluded) with this local name. */
    public Optional<XmlElement> find(String localName) {
        for (XmlElement child : children) {
            if (child.name.equals(localName)) {
                return Optional.of(child);
            }
            Optional<XmlElement> deeper = child.find(localName);
            if (deeper.isPresent()) {
                return deeper;
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "{" + namespace + "}" + name;
    }
}
