package io.accessctl.report;

import static io.accessctl.report.ReportFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessctl.lint.Diagnostic;
import io.accessctl.lint.Severity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class CheckstyleReporterTest {

  static Document parse(LintReport r) throws Exception {
    String xml = ReportFixtures.render(OutputFormat.CHECKSTYLE, r);
    assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    assertThat(xml.chars()).allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7f));
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void parsesWithTheJdkParserAndListsEveryFileCleanOnesToo() throws Exception {
    Document doc = parse(ReportFixtures.report());
    Element root = doc.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("checkstyle");
    assertThat(root.getAttribute("version")).isEqualTo("4.3");
    NodeList files = root.getElementsByTagName("file");
    assertThat(files.getLength()).isEqualTo(2);
    Element access = (Element) files.item(0);
    Element clean = (Element) files.item(1);
    assertThat(access.getAttribute("name")).isEqualTo(ReportFixtures.ACCESS);
    assertThat(access.getElementsByTagName("error").getLength()).isEqualTo(7);
    assertThat(clean.getAttribute("name")).isEqualTo(ReportFixtures.CLEAN);
    assertThat(clean.getElementsByTagName("error").getLength()).isZero();
  }

  @Test
  void attributesRoundTripThroughTheParserIncludingTabsAndLineBreaks() throws Exception {
    LintReport r = ReportFixtures.report();
    NodeList errors = parse(r).getElementsByTagName("error");
    List<Diagnostic> ds = r.diagnostics();
    for (int i = 0; i < ds.size(); i++) {
      Element e = (Element) errors.item(i);
      Diagnostic d = ds.get(i);
      assertThat(e.getAttribute("message")).isEqualTo(d.message());
      assertThat(e.getAttribute("line")).isEqualTo(Integer.toString(d.line()));
      assertThat(e.getAttribute("column"))
          .isEqualTo(d.column() == 0 ? "" : Integer.toString(d.column()));
      assertThat(e.hasAttribute("column")).isEqualTo(d.column() > 0);
      assertThat(e.getAttribute("severity")).isEqualTo(d.severity().word());
      assertThat(e.getAttribute("source")).isEqualTo("accessctl." + d.ruleId());
    }
  }

  @Test
  void charactersXmlCannotHoldAreReplaced() throws Exception {
    LintReport r = ReportFixtures.of(at("f\u0001<&>", 1, 1, Severity.ERROR,
        ReportFixtures.CRLF, "a\u0000b\u001bc\uffffd\ud800e\ud83d\udce7", null));
    Element file = (Element) parse(r).getElementsByTagName("file").item(0);
    assertThat(file.getAttribute("name")).isEqualTo("f\ufffd<&>");
    Element error = (Element) file.getElementsByTagName("error").item(0);
    assertThat(error.getAttribute("message"))
        .isEqualTo("a\ufffdb\ufffdc\ufffdd\ufffde\ud83d\udce7");
  }

  @Test
  void cleanRunListsTheFilesWithoutErrors() throws Exception {
    Document doc = parse(new LintReport(List.of("a", "b"), List.of()));
    assertThat(doc.getElementsByTagName("file").getLength()).isEqualTo(2);
    assertThat(doc.getElementsByTagName("error").getLength()).isZero();
  }
}
