package th.go.senate.workflow.process.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

import th.go.senate.workflow.support.PetitionValues;

/**
 * Every path through the petition model, as the list of user tasks a clerk completes (with the bureau that
 * must be the task's candidate group and the form values submitted), and the end event it reaches.
 */
public final class PetitionPaths {

  public static final String ACKNOWLEDGE = "Task_AcknowledgePetition";
  public static final String TRIAGE = "Task_TriagePetition";
  public static final String FORWARD = "Task_ForwardToAgency";
  public static final String CONSIDER = "Task_ConsiderPetition";
  public static final String PROGRESS_NOTICE = "Task_SendProgressNotice";
  public static final String REPLY = "Task_ReplyToPetitioner";
  public static final String CLOSE = "Task_ClosePetition";

  public static final String END_CLOSED = "EndEvent_PetitionClosed";
  public static final String END_FORWARDED = "EndEvent_PetitionForwarded";
  public static final String END_HANDED_OVER = "EndEvent_HandedOverToComplaint";

  private static final String OFFICE = "officePresident";

  /** One user task of a path: the task expected, its candidate group and what the clerk submits. */
  public record Step(String taskKey, String group, Map<String, Object> values) {
  }

  /** A path: its name, its steps in order and the end event it must reach. */
  public record Path(String name, List<Step> steps, String endEvent) {

    public List<String> taskKeys() {
      return steps.stream().map(Step::taskKey).toList();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private PetitionPaths() {
  }

  /** Triage to the Senate remit with the given committee bureau. */
  public static Map<String, Object> triageSenateRemit(String bureau) {
    Map<String, Object> values = new HashMap<>(PetitionValues.triage("SENATE_REMIT"));
    values.put("committeeBureau", bureau);
    return values;
  }

  /** Senate remit, considered in {@code noticeRounds + 1} rounds by {@code bureau}, replied and closed. */
  public static Path senateRemit(String name, String bureau, int noticeRounds) {
    List<Step> steps = new ArrayList<>();
    steps.add(new Step(ACKNOWLEDGE, OFFICE, PetitionValues.acknowledge()));
    steps.add(new Step(TRIAGE, OFFICE, triageSenateRemit(bureau)));
    for (int i = 0; i < noticeRounds; i++) {
      steps.add(new Step(CONSIDER, bureau, PetitionValues.consider("IN_PROGRESS")));
      steps.add(new Step(PROGRESS_NOTICE, bureau, PetitionValues.progressNotice()));
    }
    steps.add(new Step(CONSIDER, bureau, PetitionValues.consider("CONCLUDED")));
    steps.add(new Step(REPLY, bureau, PetitionValues.reply()));
    steps.add(new Step(CLOSE, OFFICE, PetitionValues.close()));
    return new Path(name, List.copyOf(steps), END_CLOSED);
  }

  public static Path executiveMatter() {
    return new Path("executive matter → forwarded", List.of(
        new Step(ACKNOWLEDGE, OFFICE, PetitionValues.acknowledge()),
        new Step(TRIAGE, OFFICE, PetitionValues.triage("EXECUTIVE_MATTER")),
        new Step(FORWARD, OFFICE, PetitionValues.forward())), END_FORWARDED);
  }

  public static Path complaint(String category) {
    return new Path(category + " → handed over to complaint", List.of(
        new Step(ACKNOWLEDGE, OFFICE, PetitionValues.acknowledge()),
        new Step(TRIAGE, OFFICE, PetitionValues.triage(category))), END_HANDED_OVER);
  }

  /** Every path of the model (each loop taken zero, one and two times). */
  public static List<Path> all() {
    return List.of(
        senateRemit("senate remit concluded directly", "burCommittee2", 0),
        senateRemit("senate remit with one progress notice", "burCommittee1", 1),
        senateRemit("senate remit with two progress notices", "burCommittee3", 2),
        executiveMatter(),
        complaint("CORRUPTION"),
        complaint("SERVICE_COMPLAINT"));
  }

  /** The candidate groups of a task (identity links of type candidate). */
  public static List<String> candidateGroups(TaskService taskService, String taskId) {
    return taskService.getIdentityLinksForTask(taskId).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }

  /**
   * Walks a path on an instance: for each step asserts the single open task and its candidate group, then
   * moves the engine clock one minute on, claims and completes it as a user of that group. Returns the ids of the tasks completed, in order.
   */
  public static List<String> walk(TaskService taskService, IdentityService identityService, String processInstanceId,
      Path path) {
    List<String> completed = new ArrayList<>();
    for (Step step : path.steps()) {
      Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
      assertThat(task).as("open task of %s before step %s", path, step.taskKey()).isNotNull();
      assertThat(task.getTaskDefinitionKey()).as(path.name()).isEqualTo(step.taskKey());
      assertThat(candidateGroups(taskService, task.getId()))
          .as("candidate groups of %s on path %s", step.taskKey(), path).containsExactly(step.group());
      // One minute per step, so that the history orders the steps by time as well as by sequence.
      ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 60_000));
      String user = step.group() + "User";
      identityService.setAuthentication(user, List.of(step.group()));
      try {
        taskService.claim(task.getId(), user);
        taskService.complete(task.getId(), step.values());
      } finally {
        identityService.clearAuthentication();
      }
      completed.add(task.getId());
    }
    return completed;
  }
}
