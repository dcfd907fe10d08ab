package th.go.senate.workflow.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import th.go.senate.workflow.support.PlatformTest;

/**
 * A clerk who submits an incomplete form in Tasklist gets the server's Thai refusal as Tasklist's own API
 * answers it (/camunda/api/engine, with the webapp session): HTTP 400 and the Thai message alone, not Camunda's
 * 500 with an English prefix; the task stays open.
 */
class TasklistFormRefusalTest extends PlatformTest {

  @Test
  void anIncompleteFormSubmittedThroughTasklistIsRefusedInThai() throws Exception {
    ProcessInstance instance = startPetition();
    Task task = task(instance);
    taskService.claim(task.getId(), "officePresidentUser");

    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    browser.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf(cookies))
        .POST(HttpRequest.BodyPublishers.ofString("username=officePresidentUser&password="
            + URLEncoder.encode("demo", StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    // The login starts a new session with a new CSRF token, which the next read hands out (as Tasklist's does).
    browser.send(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default/task/" + task.getId())).GET().build(),
        HttpResponse.BodyHandlers.discarding());

    // The acknowledgement form without its required fields.
    HttpResponse<String> refused = browser.send(HttpRequest.newBuilder(
            uri("/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form"))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf(cookies))
        .POST(HttpRequest.BodyPublishers.ofString("{\"variables\":{}}")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    JsonNode body = new ObjectMapper().readTree(refused.body());
    assertThat(body.path("type").asText()).isEqualTo("FormValidationException");
    assertThat(body.path("message").asText()).contains("กรุณากรอก").doesNotContain("Cannot submit task form");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String xsrf(CookieManager cookies) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElse("");
  }
}
