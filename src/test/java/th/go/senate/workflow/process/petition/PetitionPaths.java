package th.go.senate.workflow.process.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static th.go.senate.workflow.process.petition.PetitionIds.CLOSE;
import static th.go.senate.workflow.process.petition.PetitionIds.FORWARD;
import static th.go.senate.workflow.process.petition.PetitionIds.OFFICE;
import static th.go.senate.workflow.process.petition.PetitionIds.PROGRESS_NOTICE;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

import th.go.senate.workflow.support.Clerk;
import th.go.senate.workflow.support.PetitionValues;

/**
 * Every path through the petition model, as the list of user tasks a clerk completes (with the bureau that
 * must be the task's candidate group and the form values submitted), and the end event it reaches.
 */
public final class PetitionPaths {

  // The step ids under the names the tests outside process/ use; their one definition is PetitionIds.
  public static final String ACKNOWLEDGE = PetitionIds.ACKNOWLEDGE;
  public static final String TRIAGE = PetitionIds.TRIAGE;
  public static final String CONSIDER = PetitionIds.CONSIDER;
  public static final String REPLY = PetitionIds.REPLY;
  public static final String END_CLOSED = PetitionIds.END_CLOSED;
  public static final String END_FORWARDED = PetitionIds.END_FORWARDED;
  public static final String END_HANDED_OVER = PetitionIds.END_HANDED_OVER;

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

  /**
   * Walks a path on an instance: for each step asserts the single open task and its candidate group, then
   * moves the engine clock one minute on and has the {@link Clerk} claim and complete it as the demo user of
   * that group. Returns the ids of the tasks completed, in order.
   */
  public static List<String> walk(Clerk clerk, String processInstanceId, Path path) {
    List<String> completed = new ArrayList<>();
    for (Step step : path.steps()) {
      Task task = clerk.single(processInstanceId);
      assertThat(task.getTaskDefinitionKey()).as(path.name()).isEqualTo(step.taskKey());
      assertThat(clerk.candidateGroups(task))
          .as("candidate groups of %s on path %s", step.taskKey(), path).containsExactly(step.group());
      // One minute per step, so that the history orders the steps by time as well as by sequence.
      ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 60_000));
      clerk.complete(task, step.group(), step.values());
      completed.add(task.getId());
    }
    return completed;
  }

  /** {@link #walk(Clerk, String, Path)} for the tests that hold the engine's services rather than a clerk. */
  public static List<String> walk(TaskService taskService, IdentityService identityService, String processInstanceId,
      Path path) {
    return walk(new Clerk(taskService, identityService), processInstanceId, path);
  }
}
