package th.go.senate.workflow.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The clerks' guide, served by the application at {@code /guide/} and linked from the welcome page (issue 13 §5):
 * how to find, claim and complete a task and what the deadline colours mean, in Thai. Its one text is
 * docs/clerk-guide.md, which the build copies to the classpath as {@code guide/clerk-guide.md}; it is rendered once,
 * when the application starts. A link to another file of the repository (the README, the manager's guide) has no
 * page here, so it is shown as its text; links to web pages and to the webapps stay links.
 *
 * <p>Open without logging in, as the login page is: a clerk who cannot log in reads here how to.
 */
@RestController
public class ClerkGuideController {

  static final String SOURCE = "guide/clerk-guide.md";

  private final String page;

  public ClerkGuideController() {
    this.page = page(render(read()));
  }

  @GetMapping(value = {"/guide", "/guide/"}, produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
  public String guide() {
    return page;
  }

  static String render(String markdown) {
    List<Extension> extensions = List.of(TablesExtension.create());
    Parser parser = Parser.builder().extensions(extensions).build();
    Node document = parser.parse(markdown);
    document.accept(new AbstractVisitor() {
      @Override
      public void visit(Link link) {
        visitChildren(link);
        String target = link.getDestination();
        if (!target.startsWith("http://") && !target.startsWith("https://") && !target.startsWith("/")
            && !target.startsWith("#")) {
          Node child = link.getFirstChild();
          while (child != null) {
            Node next = child.getNext();
            link.insertBefore(child);
            child = next;
          }
          link.unlink();
        }
      }
    });
    // The guide is the project's own text; raw HTML in it is escaped all the same.
    return HtmlRenderer.builder().extensions(extensions).escapeHtml(true).build().render(document);
  }

  private static String read() {
    try (InputStream in = new ClassPathResource(SOURCE).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("The clerks' guide " + SOURCE + " is missing from the build (pom.xml copies"
          + " docs/clerk-guide.md)", e);
    }
  }

  private static String page(String body) {
    return "<!DOCTYPE html><html lang=\"th\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>คู่มือเจ้าหน้าที่ · สำนักงานเลขาธิการวุฒิสภา</title><style>"
        + "body{margin:0;font-family:'Sarabun','Noto Sans Thai',Tahoma,sans-serif;color:#1d2433;line-height:1.6}"
        + "header{background:#27348b;color:#fff;padding:12px 16px;border-bottom:4px solid #c9a227}"
        + "header a{color:#fff}main{max-width:860px;margin:0 auto;padding:8px 16px 32px}"
        + "table{border-collapse:collapse}th,td{border:1px solid #8a8f9c;padding:4px 8px;text-align:left}"
        + "code{background:#eef0f4;padding:0 3px}</style></head><body>"
        + "<header><strong>สำนักงานเลขาธิการวุฒิสภา</strong> · <a href=\"/camunda/app/welcome/default/\">หน้าหลัก</a>"
        + " · <a href=\"/camunda/app/tasklist/default/\">ระบบรายการงาน</a></header><main>" + body
        + "</main></body></html>";
  }
}
