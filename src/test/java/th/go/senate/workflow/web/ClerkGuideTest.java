package th.go.senate.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import th.go.senate.workflow.support.PlatformTest;

/**
 * The clerks' guide is served by the application from its one text, docs/clerk-guide.md, without a login, and the
 * welcome page links to it instead of Camunda's English manual (issue 13 §5).
 */
class ClerkGuideTest extends PlatformTest {

  private static final Path WELCOME_CONFIG =
      Path.of("src/main/resources/META-INF/resources/webjars/camunda/app/welcome/scripts/config.js");

  @Test
  void theGuideIsDocsClerkGuideAsAThaiPageWithoutALogin() throws IOException {
    HttpResponse<String> reply = page("/guide/");
    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    String page = reply.body();
    assertThat(page).startsWith("<!DOCTYPE html><html lang=\"th\">")
        .contains("<h1>คู่มือเจ้าหน้าที่: ทำงานในระบบรายการงาน</h1>")
        // how to find, claim and complete, and what the colours mean
        .contains("ค้นหา รับงาน ทำให้เสร็จ", "<strong>รับงาน</strong>", "สีบอกอะไร", "<table>", "<td>แดง</td>");
    // Every heading of the source is on the page: one text, not two.
    for (String line : Files.readAllLines(Path.of("docs/clerk-guide.md"), StandardCharsets.UTF_8)) {
      if (line.startsWith("## ")) {
        assertThat(page).contains("<h2>" + line.substring(3).replace("&", "&amp;") + "</h2>");
      }
    }
    // A file of the repository has no page here: shown as its text, not as a broken link.
    assertThat(page).doesNotContain(".md\"").contains("คู่มือผู้บริหาร");
    assertThat(page("/guide").statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> page(String path) {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException | InterruptedException e) {
      throw new AssertionError("GET " + path, e);
    }
  }

  @Test
  void markdownLinksToRepositoryFilesBecomeTextAndHtmlIsEscaped() {
    String html = ClerkGuideController.render("ดู[คู่มือ](manager-guide.md) หรือ [ระบบรายการงาน](/camunda/app/tasklist/)"
        + " <script>x</script>");
    assertThat(html).contains("ดูคู่มือ").contains("<a href=\"/camunda/app/tasklist/\">ระบบรายการงาน</a>")
        .doesNotContain("manager-guide.md").doesNotContain("<script>");
  }

  @Test
  void theWelcomePageLinksToTheGuide() throws IOException {
    String config = Files.readString(WELCOME_CONFIG, StandardCharsets.UTF_8);
    assertThat(config).contains("href: '/guide/'").contains("label: 'คู่มือเจ้าหน้าที่'")
        .doesNotContain("docs.camunda.org/manual/latest");
  }
}
