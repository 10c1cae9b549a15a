package org.boxoffice.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * server.xml is well-formed XML: Liberty starts with no features at all when it is not (a "--"
 * inside a comment is enough), and the failure shows only as a server that never gets ready.
 */
class ServerConfigTest {
  @Test
  void server_xml_is_well_formed_and_asks_for_features() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document server =
        factory.newDocumentBuilder().parse(Path.of("src/main/liberty/config/server.xml").toFile());

    assertThat(server.getElementsByTagName("feature").getLength()).isGreaterThan(10);
  }
}
