package th.go.senate.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import th.go.senate.workflow.support.PlatformTest;

/**
 * Issue 13 §7: the webapps' static files travel compressed and are cached safely across upgrades - Camunda's own
 * files under its version (?bust=7.24.0) for a year without asking; the Secretariat's files in the same folders
 * (same bust, but they change with the platform), and anything without bust, kept but revalidated (304 when
 * unchanged); index pages, the API and missing files get no long caching.
 */
class WebappAssetCachingTest extends PlatformTest {

  private static final String YEAR = "public, max-age=31536000, immutable";
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String cacheControl(HttpResponse<?> response) {
    return response.headers().firstValue("Cache-Control").orElse("");
  }

  @Test
  void camundasVersionedBundleIsCompressedAndKeptForAYear() throws Exception {
    HttpResponse<byte[]> plain = get("/camunda/lib/deps.js?bust=7.24.0");
    HttpResponse<byte[]> zipped = get("/camunda/lib/deps.js?bust=7.24.0", "Accept-Encoding", "gzip");
    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(zipped.statusCode()).isEqualTo(200);
    assertThat(cacheControl(zipped)).isEqualTo(YEAR);
    assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    // The same file, less than a third of the bytes (gzip of deps.js: 3.9 MB to 1.1 MB).
    assertThat(zipped.body().length).isLessThan(plain.body().length / 3);
    try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
      assertThat(in.readAllBytes()).isEqualTo(plain.body());
    }
    assertThat(cacheControl(get("/camunda/app/tasklist/camunda-tasklist-bootstrap.css?bust=7.24.0"))).isEqualTo(YEAR);
  }

  @Test
  void theSecretariatsOwnFilesAndUnversionedOnesAreRevalidated() throws Exception {
    // config.js and the Thai locale are the platform's (src/main/resources), loaded with Camunda's bust.
    for (String path : new String[] {"/camunda/app/tasklist/scripts/config.js?bust=7.24.0",
        "/camunda/app/tasklist/locales/th.json?bust=7.24.0", "/camunda/app/senate/senate-webapps.js?bust=7.24.0",
        "/camunda/lib/deps.js"}) {
      HttpResponse<byte[]> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(cacheControl(response)).as(path).isEqualTo("no-cache");
      String lastModified = response.headers().firstValue("Last-Modified").orElseThrow();
      // Unchanged: the browser's copy is confirmed with a 304 and no body.
      HttpResponse<byte[]> again = get(path, "If-Modified-Since", lastModified);
      assertThat(again.statusCode()).as(path).isEqualTo(304);
      assertThat(again.body()).isEmpty();
    }
  }

  @Test
  void indexPagesApiAndMissingFilesGetNoLongCaching() throws Exception {
    HttpResponse<byte[]> index = get("/camunda/app/tasklist/default/", "Accept-Encoding", "gzip");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(cacheControl(index)).doesNotContain("max-age=31536000");
    assertThat(index.headers().firstValue("Content-Encoding")).hasValue("gzip");
    HttpResponse<byte[]> missing = get("/camunda/lib/not-there.js?bust=7.24.0");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(cacheControl(missing)).doesNotContain("max-age=31536000");
    HttpResponse<byte[]> api = get("/camunda/api/engine/engine/");
    assertThat(cacheControl(api)).doesNotContain("max-age=31536000");
    // A path that climbs out of the webjar is not looked up at all.
    assertThat(cacheControl(get("/camunda/lib/../app/tasklist/scripts/config.js?bust=7.24.0")))
        .doesNotContain("max-age=31536000");
  }
}
