<?xml version="1.0" encoding="UTF-8"?>
<!-- SLD 1.0: sld: prefixed elements and CssParameter, titles directly in the rule -->
<sld:StyledLayerDescriptor version="1.0.0" xmlns:sld="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc" xmlns:gml="http://www.opengis.net/gml">
  <sld:NamedLayer>
    <sld:Name>commercial_sites</sld:Name>
    <sld:UserStyle>
      <sld:Name>Sites</sld:Name>
      <sld:Title>Commercial sites by status</sld:Title>
      <sld:FeatureTypeStyle>
        <sld:Rule>
          <sld:Name>available</sld:Name>
          <sld:Title>Available</sld:Title>
          <ogc:Filter>
            <ogc:PropertyIsEqualTo matchCase="false">
              <ogc:PropertyName>status</ogc:PropertyName>
              <ogc:Literal>AVAILABLE</ogc:Literal>
            </ogc:PropertyIsEqualTo>
          </ogc:Filter>
          <sld:PolygonSymbolizer>
            <sld:Fill>
              <sld:CssParameter name="fill">#1B9E77</sld:CssParameter>
              <sld:CssParameter name="fill-opacity">0.5</sld:CssParameter>
            </sld:Fill>
            <sld:Stroke>
              <sld:CssParameter name="stroke">#0d6b50</sld:CssParameter>
              <sld:CssParameter name="stroke-width">2</sld:CssParameter>
            </sld:Stroke>
          </sld:PolygonSymbolizer>
        </sld:Rule>
        <sld:Rule>
          <sld:Name>large</sld:Name>
          <sld:Title>Large sites</sld:Title>
          <ogc:Filter>
            <ogc:PropertyIsGreaterThanOrEqualTo>
              <ogc:PropertyName>area_ha</ogc:PropertyName>
              <ogc:Literal>10</ogc:Literal>
            </ogc:PropertyIsGreaterThanOrEqualTo>
          </ogc:Filter>
          <sld:MaxScaleDenominator>20000</sld:MaxScaleDenominator>
          <sld:TextSymbolizer>
            <sld:Label><ogc:PropertyName>site_no</ogc:PropertyName></sld:Label>
            <sld:Font>
              <sld:CssParameter name="font-family">Sans-Serif</sld:CssParameter>
              <sld:CssParameter name="font-size">12</sld:CssParameter>
            </sld:Font>
            <sld:LabelPlacement>
              <sld:PointPlacement>
                <sld:AnchorPoint>
                  <sld:AnchorPointX>0.5</sld:AnchorPointX>
                  <sld:AnchorPointY>0.5</sld:AnchorPointY>
                </sld:AnchorPoint>
              </sld:PointPlacement>
            </sld:LabelPlacement>
            <sld:Halo>
              <sld:Radius>2</sld:Radius>
            </sld:Halo>
            <sld:Fill>
              <sld:CssParameter name="fill">#000080</sld:CssParameter>
            </sld:Fill>
          </sld:TextSymbolizer>
        </sld:Rule>
        <sld:Rule>
          <sld:Name>rest</sld:Name>
          <sld:ElseFilter/>
          <sld:PolygonSymbolizer>
            <sld:Stroke>
              <sld:CssParameter name="stroke">#666666</sld:CssParameter>
              <sld:CssParameter name="stroke-dasharray">4,2</sld:CssParameter>
            </sld:Stroke>
          </sld:PolygonSymbolizer>
        </sld:Rule>
      </sld:FeatureTypeStyle>
    </sld:UserStyle>
  </sld:NamedLayer>
</sld:StyledLayerDescriptor>
