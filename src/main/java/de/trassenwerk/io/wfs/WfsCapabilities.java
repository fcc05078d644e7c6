package de.trassenwerk.io.wfs;

import de.trassenwerk.io.ReadException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What a WFS 2.0 GetCapabilities answer says about the server: its feature types (name, title,
 * default CRS), the GetFeature address, the output formats GetFeature offers, whether it pages
 * results ({@code ImplementsResultPaging}) and how many features a page holds by default
 * ({@code CountDefault}). Read with StAX by local names, so namespace prefixes do not matter.
 * Immutable.
 */
record WfsCapabilities(List<FeatureType> featureTypes, URI getFeatureUrl, List<String> outputFormats,
        boolean paging, int countDefault) {

    /** One feature type. */
    record FeatureType(String name, String title, String defaultCrs) {
    }

    WfsCapabilities {
        featureTypes = List.copyOf(featureTypes);
        outputFormats = List.copyOf(outputFormats);
    }

    /** The first output format that is GeoJSON, or null. */
    String jsonFormat() {
        for (String f : outputFormats) {
            String l = f.toLowerCase(Locale.ROOT);
            if (l.contains("json")) {
                return f;
            }
        }
        return null;
    }

    static WfsCapabilities parse(byte[] xml, String source) {
        List<FeatureType> types = new ArrayList<>();
        List<String> formats = new ArrayList<>();
        URI getFeature = null;
        boolean paging = false;
        int countDefault = 0;
        try {
            XMLInputFactory f = XMLInputFactory.newFactory();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(xml));
            String operation = null;
            String parameter = null;
            String constraint = null;
            String name = null;
            String title = null;
            String crs = null;
            boolean root = true;
            while (r.hasNext()) {
                int e = r.next();
                if (e == XMLStreamConstants.START_ELEMENT) {
                    String local = r.getLocalName();
                    if (root) {
                        root = false;
                        if (local.equals("ExceptionReport")) {
                            throw new ReadException("io.error.wfs.exception", null, source, exceptionText(r));
                        }
                        if (!local.equals("WFS_Capabilities")) {
                            throw new ReadException("io.error.wfs.notCapabilities", null, source, local);
                        }
                    }
                    switch (local) {
                        case "Operation":
                            operation = r.getAttributeValue(null, "name");
                            break;
                        case "Parameter":
                            parameter = r.getAttributeValue(null, "name");
                            break;
                        case "Constraint":
                            constraint = r.getAttributeValue(null, "name");
                            break;
                        case "Get":
                            if ("GetFeature".equals(operation) && getFeature == null) {
                                String href = r.getAttributeValue("http://www.w3.org/1999/xlink", "href");
                                getFeature = href == null || href.isBlank() ? null : URI.create(href.trim());
                            }
                            break;
                        case "Value":
                            if ("outputFormat".equalsIgnoreCase(parameter)
                                    && (operation == null || "GetFeature".equals(operation))) {
                                formats.add(r.getElementText().trim());
                            }
                            break;
                        case "DefaultValue":
                            String v = r.getElementText().trim();
                            if ("ImplementsResultPaging".equals(constraint)) {
                                paging = v.equalsIgnoreCase("TRUE");
                            } else if ("CountDefault".equals(constraint)) {
                                countDefault = parseInt(v);
                            }
                            break;
                        case "FeatureType":
                            name = null;
                            title = null;
                            crs = null;
                            break;
                        case "Name":
                            name = r.getElementText().trim();
                            break;
                        case "Title":
                            title = r.getElementText().trim();
                            break;
                        case "DefaultCRS":
                        case "DefaultSRS":
                            crs = r.getElementText().trim();
                            break;
                        default:
                            break;
                    }
                } else if (e == XMLStreamConstants.END_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "Operation":
                            operation = null;
                            break;
                        case "Parameter":
                            parameter = null;
                            break;
                        case "Constraint":
                            constraint = null;
                            break;
                        case "FeatureType":
                            if (name != null) {
                                types.add(new FeatureType(name, title, crs));
                            }
                            break;
                        default:
                            break;
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new ReadException("io.error.xml", e, source, e.getMessage());
        }
        return new WfsCapabilities(types, getFeature, formats, paging, countDefault);
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The texts of an OWS ExceptionReport. */
    static String exceptionText(XMLStreamReader r) throws XMLStreamException {
        StringBuilder b = new StringBuilder();
        while (r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("ExceptionText")) {
                b.append(b.length() > 0 ? "; " : "").append(r.getElementText().trim());
            }
        }
        return b.toString();
    }
}
