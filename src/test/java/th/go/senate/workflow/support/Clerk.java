package th.go.senate.workflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * What a clerk does in Tasklist, for every process test: find the open task of a step, claim it and complete
 * it as the demo user of the step's group ({@code <group>User}, seeded from identity/bureaus.yaml), with that
 * user's authorizations. One helper, so that every test works a step the same way the Secretariat does: a
 * task the user does not see in the list cannot be claimed, and a claim comes before the completion.
 */
public final class Clerk {

  private final TaskService taskService;
  private final IdentityService identityService;

  public Clerk(TaskService taskService, IdentityService identityService) {
    this.taskService = taskService;
    this.identityService = identityService;
  }

  /** The demo user of a group, as seeded (e.g. {@code burMeeting} → {@code burMeetingUser}). */
  public static String userOf(String group) {
    return group + "User";
  }

  /** The instance's single open task, whatever its step (fails when there is none). */
  public Task single(String processInstanceId) {
    Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    assertThat(task).as("the open task of instance %s", processInstanceId).isNotNull();
    return task;
  }

  public Task single(ProcessInstance instance) {
    return single(instance.getId());
  }

  /** The single open task of step {@code taskKey} in the instance (fails when there is none). */
  public Task open(String processInstanceId, String taskKey) {
    Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
        .singleResult();
    assertThat(task).as("open task %s", taskKey).isNotNull();
    return task;
  }

  public Task open(ProcessInstance instance, String taskKey) {
    return open(instance.getId(), taskKey);
  }

  /**
   * An open task of step {@code taskKey} in the list of the group's demo user (offered to the group or
   * claimed by the user): the first when the step runs once per bureau (a multi-instance step).
   */
  public Task openFor(ProcessInstance instance, String taskKey, String group) {
    List<Task> visible = as(userOf(group), List.of(group), () -> taskService.createTaskQuery()
        .processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
        .or().taskCandidateGroup(group).taskAssignee(userOf(group)).endOr().list());
    assertThat(visible).as("%s in the list of %s", taskKey, group).isNotEmpty();
    return visible.get(0);
  }

  /** Every open task of step {@code taskKey} in the instance (a multi-instance step has one per bureau). */
  public List<Task> openAll(ProcessInstance instance, String taskKey) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).list();
  }

  /** Claims and completes the task of step {@code taskKey} that is in the list of the group's demo user. */
  public void completeFromList(ProcessInstance instance, String taskKey, String group, Map<String, Object> values) {
    complete(openFor(instance, taskKey, group), group, values);
  }

  /** Claims and completes step {@code taskKey} of the instance as the demo user of {@code group}. */
  public void complete(ProcessInstance instance, String taskKey, String group, Map<String, Object> values) {
    complete(open(instance, taskKey), group, values);
  }

  /**
   * Like {@link #complete(ProcessInstance, String, String, Map)}, for a step routed at run time (a routing
   * table, a bureau chosen at triage): the step must have been offered to {@code group} itself, not only
   * be visible to its user through a wider right.
   */
  public void completeAsCandidate(ProcessInstance instance, String taskKey, String group, Map<String, Object> values) {
    Task task = open(instance, taskKey);
    assertThat(candidateGroups(task)).as("%s is offered to %s", taskKey, group).contains(group);
    complete(task, group, values);
  }

  /** Claims (unless the user holds it already) and completes the task as the demo user of {@code group}. */
  public void complete(Task task, String group, Map<String, Object> values) {
    completeAs(userOf(group), List.of(group), task, values);
  }

  /**
   * Claims and completes the task as {@code user} with {@code groups}: the user must see the task in the
   * list (the engine's authorization), claim it unless it is theirs already, then submit the values.
   */
  public void completeAs(String user, List<String> groups, Task task, Map<String, Object> values) {
    as(user, groups, () -> {
      assertThat(taskService.createTaskQuery().taskId(task.getId()).count())
          .as("%s sees %s in the task list", user, task.getTaskDefinitionKey()).isEqualTo(1);
      if (!user.equals(task.getAssignee())) {
        taskService.claim(task.getId(), user);
      }
      taskService.complete(task.getId(), values);
    });
  }

  /** How many of the case's open tasks {@code user} of {@code group} sees in the task list. */
  public long visibleTo(String user, String group, ProcessInstance instance) {
    return as(user, List.of(group),
        () -> taskService.createTaskQuery().processInstanceId(instance.getId()).count());
  }

  /** Claims the task as the demo user of {@code group}, without completing it. */
  public void claim(Task task, String group) {
    as(userOf(group), List.of(group), () -> taskService.claim(task.getId(), userOf(group)));
  }

  /** The candidate groups of a task (its identity links of type candidate). */
  public List<String> candidateGroups(Task task) {
    return candidateGroups(task.getId());
  }

  public List<String> candidateGroups(String taskId) {
    return taskService.getIdentityLinksForTask(taskId).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }

  /** Runs {@code work} authenticated as {@code user} with {@code groups}, and logs out after, whatever happens. */
  public <T> T as(String user, List<String> groups, Supplier<T> work) {
    identityService.setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  public void as(String user, List<String> groups, Runnable work) {
    as(user, groups, () -> {
      work.run();
      return null;
    });
  }
}
