package th.go.senate.workflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import th.go.senate.workflow.support.ApiClient.Reply;

/**
 * What {@link Clerk} does, over Camunda's REST API as Tasklist sends it: the user's task list, the claim and
 * the form submitted ({@code submit-form}, which runs the engine's form handling and writes form-field
 * history), each as the demo user over HTTP Basic.
 */
public final class TasklistRest {

  private final int port;

  public TasklistRest(int port) {
    this.port = port;
  }

  /** Form values as engine-rest takes them: {@code {"variables": {name: {"value": value}}}}. */
  public static Map<String, Object> formVariables(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return Map.of("variables", variables);
  }

  /** The user's task list filtered by {@code query} (e.g. {@code processInstanceId=…}). */
  public JsonNode tasks(String user, String query) {
    Reply reply = ApiClient.send(port, "GET", "/engine-rest/task?" + query, user, null);
    assertThat(reply.status()).as("%s GET tasks %s: %s", user, query, reply.body()).isEqualTo(200);
    return reply.json();
  }

  public void claim(String user, String taskId) {
    assertThat(ApiClient.send(port, "POST", "/engine-rest/task/" + taskId + "/claim", user, Map.of("userId", user))
        .status()).as("%s claims %s", user, taskId).isEqualTo(204);
  }

  /** Submits the task's form; the answer is the caller's to judge (a refusal is a 4xx with a Thai message). */
  public Reply submit(String user, String taskId, Map<String, Object> values) {
    return ApiClient.send(port, "POST", "/engine-rest/task/" + taskId + "/submit-form", user, formVariables(values));
  }

  /**
   * Claims and submits the one task in the user's list that matches {@code query}, as a clerk does in
   * Tasklist; fails unless the list holds exactly that task and the form is accepted. Returns the task.
   */
  public JsonNode completeOnlyTask(String user, String query, Map<String, Object> values) {
    JsonNode tasks = tasks(user, query);
    assertThat(tasks).as("%s's tasks with %s", user, query).hasSize(1);
    JsonNode task = tasks.get(0);
    String taskId = task.path("id").asText();
    claim(user, taskId);
    Reply submitted = submit(user, taskId, values);
    assertThat(submitted.status()).as("%s submits %s: %s", user, task.path("taskDefinitionKey").asText(),
        submitted.body()).isIn(200, 204);
    return task;
  }
}
