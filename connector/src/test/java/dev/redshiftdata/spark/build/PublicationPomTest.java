package dev.redshiftdata.spark.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The POMs carry what a publication to Maven Central needs (the release step signs and deploys):
 * license, SCM, developers, and a release profile that attaches sources and javadoc and flattens
 * the connector's POM to its line's literal artifactId; the test and example modules never deploy.
 */
class PublicationPomTest {

  private static Document pom(String module) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(Path.of("..", module, "pom.xml").toFile());
  }

  private static List<String> texts(Document d, String tag) {
    NodeList nodes = d.getElementsByTagName(tag);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent().trim());
    }
    return out;
  }

  @Test
  void theParentHasLicenseScmAndDevelopers() throws Exception {
    Document parent = pom("");
    assertEquals(
        List.of("Apache License, Version 2.0"),
        texts(parent, "name").stream().filter(n -> n.startsWith("Apache License")).toList());
    assertFalse(texts(parent, "connection").isEmpty(), "scm connection");
    assertEquals(1, parent.getElementsByTagName("developer").getLength());
    assertFalse(texts(parent, "url").isEmpty(), "project url");
  }

  @Test
  void theReleaseProfileAttachesSourcesAndJavadocAndFlattensThePom() throws Exception {
    Document parent = pom("");
    NodeList profiles = parent.getElementsByTagName("profile");
    Element release = null;
    for (int i = 0; i < profiles.getLength(); i++) {
      Element p = (Element) profiles.item(i);
      if ("release".equals(p.getElementsByTagName("id").item(0).getTextContent().trim())) {
        release = p;
      }
    }
    assertTrue(release != null, "no release profile");
    List<String> plugins = new ArrayList<>();
    NodeList artifacts = release.getElementsByTagName("artifactId");
    for (int i = 0; i < artifacts.getLength(); i++) {
      plugins.add(artifacts.item(i).getTextContent().trim());
    }
    assertEquals(
        List.of("maven-source-plugin", "maven-javadoc-plugin", "flatten-maven-plugin"), plugins);
  }

  @Test
  void theTestAndExampleModulesNeverDeploy() throws Exception {
    for (String module : List.of("integration-tests", "examples")) {
      assertEquals(List.of("true"), texts(pom(module), "maven.deploy.skip"), module);
    }
    assertTrue(texts(pom("connector"), "maven.deploy.skip").isEmpty());
  }
}
