package de.trassenwerk.io.wfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.crs.CoordinateTransform;
import de.trassenwerk.i18n.Messages;
import de.trassenwerk.io.Dataset;
import de.trassenwerk.io.FeatureCursor;
import de.trassenwerk.io.FeatureSource;
import de.trassenwerk.io.ReadException;
import de.trassenwerk.io.SourceFeature;
import de.trassenwerk.io.http.Credentials;
import de.trassenwerk.io.importer.SourceOptions;
import de.trassenwerk.io.importer.Sources;
import de.trassenwerk.store.FieldInfo;
import de.trassenwerk.store.FieldType;
import de.trassenwerk.store.GeometryType;
import de.trassenwerk.testing.ServiceStub;
import de.trassenwerk.testing.ServiceStub.Answer;
import de.trassenwerk.testing.ServiceStub.Request;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/** The WFS 2.0 client against a stub answering like a GeoServer/deegree WFS of the city. */
class WfsDatasetTest {
    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @AfterAll
    static void restore() {
        Messages.setLocale(Messages.defaultLocale());
    }

    static String capabilities(boolean json) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <wfs:WFS_Capabilities version="2.0.0" xmlns:wfs="http://www.opengis.net/wfs/2.0"
                    xmlns:ows="http://www.opengis.net/ows/1.1" xmlns:xlink="http://www.w3.org/1999/xlink"
                    xmlns:fes="http://www.opengis.net/fes/2.0" xmlns:dugis="https://geodaten.duisburg.de/dugis">
                  <ows:ServiceIdentification><ows:Title>DUGis WFS Leitungen</ows:Title>
                    <ows:ServiceType>WFS</ows:ServiceType><ows:ServiceTypeVersion>2.0.0</ows:ServiceTypeVersion>
                  </ows:ServiceIdentification>
                  <ows:OperationsMetadata>
                    <ows:Operation name="GetCapabilities"><ows:DCP><ows:HTTP><ows:Get xlink:href="BASE"/></ows:HTTP></ows:DCP></ows:Operation>
                    <ows:Operation name="DescribeFeatureType"><ows:DCP><ows:HTTP><ows:Get xlink:href="BASE"/></ows:HTTP></ows:DCP></ows:Operation>
                    <ows:Operation name="GetFeature">
                      <ows:DCP><ows:HTTP><ows:Get xlink:href="BASE"/><ows:Post xlink:href="BASE"/></ows:HTTP></ows:DCP>
                      <ows:Parameter name="outputFormat"><ows:AllowedValues>
                        <ows:Value>application/gml+xml; version=3.2</ows:Value>
                        <ows:Value>text/xml; subtype=gml/3.2</ows:Value>
                        JSON
                      </ows:AllowedValues></ows:Parameter>
                    </ows:Operation>
                    <ows:Constraint name="ImplementsBasicWFS"><ows:NoValues/><ows:DefaultValue>TRUE</ows:DefaultValue></ows:Constraint>
                    <ows:Constraint name="ImplementsResultPaging"><ows:NoValues/><ows:DefaultValue>TRUE</ows:DefaultValue></ows:Constraint>
                    <ows:Constraint name="CountDefault"><ows:NoValues/><ows:DefaultValue>2</ows:DefaultValue></ows:Constraint>
                  </ows:OperationsMetadata>
                  <wfs:FeatureTypeList>
                    <wfs:FeatureType><wfs:Name>dugis:leerrohre</wfs:Name><wfs:Title>Leerrohre</wfs:Title>
                      <wfs:DefaultCRS>urn:ogc:def:crs:EPSG::4326</wfs:DefaultCRS>
                      <wfs:OtherCRS>urn:ogc:def:crs:EPSG::25832</wfs:OtherCRS>
                      <ows:WGS84BoundingBox><ows:LowerCorner>6.6 51.3</ows:LowerCorner><ows:UpperCorner>6.9 51.6</ows:UpperCorner></ows:WGS84BoundingBox>
                    </wfs:FeatureType>
                    <wfs:FeatureType><wfs:Name>dugis:schaechte</wfs:Name><wfs:Title>Schächte</wfs:Title>
                      <wfs:DefaultCRS>urn:ogc:def:crs:EPSG::25832</wfs:DefaultCRS>
                    </wfs:FeatureType>
                  </wfs:FeatureTypeList>
                </wfs:WFS_Capabilities>
                """.replace("JSON", json ? "<ows:Value>application/json</ows:Value>" : "");
    }

    static final String SCHEMA = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:gml="http://www.opengis.net/gml/3.2"
                xmlns:dugis="https://geodaten.duisburg.de/dugis" elementFormDefault="qualified"
                targetNamespace="https://geodaten.duisburg.de/dugis">
              <xsd:import namespace="http://www.opengis.net/gml/3.2" schemaLocation="http://schemas.opengis.net/gml/3.2.1/gml.xsd"/>
              <xsd:complexType name="leerrohreType">
                <xsd:complexContent><xsd:extension base="gml:AbstractFeatureType"><xsd:sequence>
                  <xsd:element maxOccurs="1" minOccurs="0" name="eigentuemer" nillable="true" type="xsd:string"/>
                  <xsd:element maxOccurs="1" minOccurs="0" name="rohre_frei" nillable="true" type="xsd:int"/>
                  <xsd:element maxOccurs="1" minOccurs="0" name="durchmesser" nillable="true">
                    <xsd:simpleType><xsd:restriction base="xsd:decimal"><xsd:totalDigits value="6"/></xsd:restriction></xsd:simpleType>
                  </xsd:element>
                  <xsd:element maxOccurs="1" minOccurs="0" name="gefoerdert" nillable="true" type="xsd:boolean"/>
                  <xsd:element maxOccurs="1" minOccurs="0" name="geom" nillable="true" type="gml:MultiCurvePropertyType"/>
                </xsd:sequence></xsd:extension></xsd:complexContent>
              </xsd:complexType>
              <xsd:element name="leerrohre" substitutionGroup="gml:AbstractFeature" type="dugis:leerrohreType"/>
            </xsd:schema>
            """;

    /** A conduit in GML 3.2 with urn:...:4326, so latitude first. */
    static String member(int i) {
        double lat = 51.43 + i * 0.001;
        return String.format(Locale.ROOT, """
                <wfs:member><dugis:leerrohre gml:id="leerrohre.%d">
                  <dugis:eigentuemer>Stadtwerke Duisburg</dugis:eigentuemer>
                  <dugis:rohre_frei>%d</dugis:rohre_frei>
                  <dugis:durchmesser>50.5</dugis:durchmesser>
                  <dugis:gefoerdert xsi:nil="true"/>
                  <dugis:geom><gml:MultiCurve gml:id="g%d" srsName="urn:ogc:def:crs:EPSG::4326" srsDimension="2">
                    <gml:curveMember><gml:LineString gml:id="l%d">
                      <gml:posList>%.6f 6.760000 %.6f 6.762000</gml:posList>
                    </gml:LineString></gml:curveMember>
                  </gml:MultiCurve></dugis:geom>
                </dugis:leerrohre></wfs:member>
                """, i, i, i, i, lat, lat);
    }

    static Answer gmlServer(Request r, String base) {
        String request = r.param("REQUEST");
        if ("GetCapabilities".equalsIgnoreCase(request)) {
            return Answer.xml(capabilities(false).replace("BASE", base));
        }
        if ("DescribeFeatureType".equalsIgnoreCase(request)) {
            return Answer.xml(SCHEMA);
        }
        if ("GetFeature".equalsIgnoreCase(request)) {
            int start = Integer.parseInt(r.param("STARTINDEX"));
            int count = Integer.parseInt(r.param("COUNT"));
            StringBuilder members = new StringBuilder();
            int returned = 0;
            for (int i = start + 1; i <= Math.min(3, start + count); i++) {
                members.append(member(i));
                returned++;
            }
            return Answer.xml("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:gml="http://www.opengis.net/gml/3.2"
                        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:dugis="https://geodaten.duisburg.de/dugis"
                        numberMatched="3" numberReturned="%d" timeStamp="2025-05-01T10:00:00Z">
                    %s</wfs:FeatureCollection>
                    """.formatted(returned, members));
        }
        return Answer.xml("<ows:ExceptionReport xmlns:ows=\"http://www.opengis.net/ows/1.1\"><ows:Exception>"
                + "<ows:ExceptionText>Unknown request</ows:ExceptionText></ows:Exception></ows:ExceptionReport>");
    }

    private static List<SourceFeature> all(FeatureSource s) {
        List<SourceFeature> out = new ArrayList<>();
        try (FeatureCursor c = s.features()) {
            c.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void gmlPagesWithLatitudeFirstAxisOrderAndTypedValues() throws Exception {
        String[] base = new String[1];
        try (ServiceStub stub = new ServiceStub(r -> gmlServer(r, base[0]))) {
            base[0] = stub.url("/geoserver/dugis/wfs");
            try (Dataset d = Sources.open(base[0] + "?service=WFS&request=GetCapabilities", SourceOptions.DEFAULT)) {
                assertEquals(List.of("dugis:leerrohre", "dugis:schaechte"), d.layers());
                FeatureSource layer = d.layer("leerrohre");
                assertEquals(4326, layer.srsId());
                Map<String, FieldType> types = layer.schema().fields().stream()
                        .collect(Collectors.toMap(FieldInfo::name, FieldInfo::type));
                assertEquals(Map.of("eigentuemer", FieldType.TEXT, "rohre_frei", FieldType.INTEGER,
                        "durchmesser", FieldType.REAL, "gefoerdert", FieldType.BOOLEAN), types);
                assertEquals(GeometryType.MULTILINESTRING, layer.schema().geometryType());
                List<SourceFeature> f = all(layer);
                assertEquals(3, f.size());
                Coordinate first = f.get(0).geometry().getCoordinates()[0];
                assertEquals(6.76, first.x, 1e-9, "longitude first after reading urn:...:4326");
                assertEquals(51.431, first.y, 1e-9);
                assertEquals(2L, f.get(1).attributes().get("rohre_frei"));
                assertEquals(50.5, f.get(1).attributes().get("durchmesser"));
                assertNull(f.get(1).attributes().get("gefoerdert"));
                assertEquals(3, f.get(2).position().number());
                double[] utm = CoordinateTransform.between(4326, 25832).transform(first.x, first.y);
                assertTrue(utm[0] > 340000 && utm[0] < 350000, "in Duisburg: " + utm[0]);
            }
            List<Request> pages = stub.requests().stream().filter(q -> "GetFeature".equals(q.param("REQUEST"))).toList();
            assertEquals(List.of("0", "2"), pages.stream().map(q -> q.param("STARTINDEX")).toList());
            assertTrue(pages.stream().allMatch(q -> "2".equals(q.param("COUNT")) && "dugis:leerrohre".equals(q.param("TYPENAMES"))
                    && q.param("OUTPUTFORMAT") == null), "GML is the default format: no OUTPUTFORMAT");
        }
    }

    @Test
    void geoJsonWhenTheServerOffersItAndBasicAuthentication() throws Exception {
        String user = "Basic " + Base64.getEncoder().encodeToString("planung:geheim".getBytes());
        String[] base = new String[1];
        try (ServiceStub stub = new ServiceStub(r -> {
            if (!user.equals(r.authorization())) {
                return new Answer(401, "text/plain", "Unauthorized".getBytes());
            }
            if ("GetCapabilities".equalsIgnoreCase(r.param("REQUEST"))) {
                return Answer.xml(capabilities(true).replace("BASE", base[0]));
            }
            if ("GetFeature".equalsIgnoreCase(r.param("REQUEST"))) {
                int start = Integer.parseInt(r.param("STARTINDEX"));
                StringBuilder features = new StringBuilder();
                for (int i = start + 1; i <= Math.min(3, start + 2); i++) {
                    features.append(features.length() > 0 ? "," : "").append(String.format(Locale.ROOT,
                            "{\"type\":\"Feature\",\"id\":\"schaechte.%d\",\"geometry\":{\"type\":\"Point\",\"coordinates\":"
                                    + "[%d.0,5700000.0]},\"properties\":{\"art\":\"Schacht\",\"nr\":%d}}", i, 344000 + i, i));
                }
                return Answer.json("{\"type\":\"FeatureCollection\",\"features\":[" + features + "],\"totalFeatures\":3,"
                        + "\"numberMatched\":3,\"numberReturned\":2,\"crs\":{\"type\":\"name\",\"properties\":"
                        + "{\"name\":\"urn:ogc:def:crs:EPSG::25832\"}}}");
            }
            return new Answer(400, "text/plain", new byte[0]);
        })) {
            base[0] = stub.url("/wfs");
            ReadException denied = assertThrows(ReadException.class, () -> Sources.open(base[0], SourceOptions.DEFAULT));
            assertTrue(denied.getMessage().contains("refused access (status 401)"), denied.getMessage());
            SourceOptions login = new SourceOptions(null, null, null, null, Credentials.basic("planung", "geheim".toCharArray()));
            try (Dataset d = Sources.open(base[0], login)) {
                List<SourceFeature> f = all(d.layer("dugis:schaechte"));
                assertEquals(3, f.size());
                assertEquals("POINT (344001 5700000)", f.get(0).geometry().toText());
                assertEquals("schaechte.1", f.get(0).attributes().get("id"));
            }
            String withUserInUrl = base[0].replace("http://", "http://planung:geheim@");
            try (Dataset d = Sources.open(withUserInUrl, SourceOptions.DEFAULT)) {
                assertEquals(2, d.layers().size());
            }
            List<Request> pages = stub.requests().stream().filter(q -> "GetFeature".equals(q.param("REQUEST"))).toList();
            assertEquals("application/json", pages.get(0).param("OUTPUTFORMAT"));
            assertEquals("EPSG:25832", pages.get(0).param("SRSNAME"));
        }
    }

    @Test
    void requestsGoThroughTheSystemProxy() throws Exception {
        ProxySelector before = ProxySelector.getDefault();
        try (ServiceStub proxy = new ServiceStub(r -> gmlServer(r, "http://dugis.invalid/wfs"))) {
            ProxySelector.setDefault(new ProxySelector() {
                @Override
                public List<Proxy> select(URI uri) {
                    return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", proxy.port())));
                }

                @Override
                public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
                    // the test fails on its own
                }
            });
            try (Dataset d = Sources.open("http://dugis.invalid/wfs", SourceOptions.DEFAULT)) {
                assertEquals(2, d.layers().size());
            }
            assertEquals("dugis.invalid", proxy.requests().get(0).uri().getHost(),
                    "the proxy got the request with the absolute address");
        } finally {
            ProxySelector.setDefault(before);
        }
    }

    @Test
    void aServerErrorIsReportedWithItsText() throws Exception {
        try (ServiceStub stub = new ServiceStub(r -> Answer.xml("<?xml version=\"1.0\"?><ows:ExceptionReport "
                + "xmlns:ows=\"http://www.opengis.net/ows/1.1\" version=\"2.0.0\"><ows:Exception exceptionCode=\"OperationNotSupported\">"
                + "<ows:ExceptionText>Service WFS is disabled</ows:ExceptionText></ows:Exception></ows:ExceptionReport>"))) {
            ReadException e = assertThrows(ReadException.class, () -> Sources.open(stub.url("/wfs"), SourceOptions.DEFAULT));
            assertTrue(e.getMessage().endsWith("the WFS reports an error: Service WFS is disabled"), e.getMessage());
        }
    }
}
