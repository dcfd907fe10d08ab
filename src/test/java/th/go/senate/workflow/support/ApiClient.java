package th.go.senate.workflow.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Calls the application's REST API as a demo user (HTTP Basic, password {@code demo}) or anonymously
 * ({@code user == null}), JSON in and out. Tests call it against {@link PlatformTest}'s random port.
 */
public final class ApiClient {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private ApiClient() {
  }

  /** An answer: its status and body; {@code detail()} is the problem document's message. */
  public record Reply(int status, String body) {

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    public String detail() {
      return json().path("detail").asText();
    }
  }

  /** {@code body}: null, a JSON text, or an object that Jackson writes as JSON. */
  public static Reply send(int port, String method, String path, String user, Object body) {
    String text;
    try {
      text = body == null || body instanceof String ? (String) body : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new AssertionError("cannot write " + body + " as JSON", e);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(30))
        .method(method, text == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.header("Accept", "application/json");
    if (user != null) {
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response.statusCode(), response.body());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(method + " " + path + " failed", e);
    }
  }
}
