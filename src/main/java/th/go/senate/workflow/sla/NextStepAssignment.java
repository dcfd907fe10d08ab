package th.go.senate.workflow.sla;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * The next step follows the clerk (issue 13 §6): when a clerk completes a step and the case's next step belongs
 * to the same bureau, the new task is assigned to that clerk, and it stays a candidate task of the bureau, so a
 * colleague or the head can take it over. {@link SlaTaskListener} drives it (complete: {@link #stepCompleted};
 * create, after the due date is set: {@link #offerToPreviousClerk}), so it runs in the transaction that creates
 * the task, and the KPI recorder, which comes after it on create, records the step as taken at its creation.
 *
 * <p>The task is assigned only when all of these hold:
 * <ul>
 *   <li>the step's row in {@code slaPolicy} says {@code followsClerk = true};</li>
 *   <li>a person completed a step of the <em>same case</em> in the same command: a task created by a timer,
 *       a job, the platform acting as itself or a start form is offered to the bureau as before, and a
 *       hand-over that starts another case (a petition becoming an integrity case) never carries its clerk
 *       into the new case, which would link the two;</li>
 *   <li>the completed step and the new one share a candidate group (the same bureau continues), and the clerk
 *       is a member of that group as the engine authenticated them (the groups of their login).</li>
 * </ul>
 * The clerk gets no "task assigned" mail for it: {@code notice/StaffNotices} tells an assignee only when
 * someone else made the assignment, and the clerk is the authenticated user of the command.
 */
public final class NextStepAssignment {

  /**
   * The step completed in the current command. Per thread because a command runs on one thread; it names
   * the command so that nothing carries over to the next one, and is removed when the command ends.
   */
  private static final ThreadLocal<Completed> COMPLETED = new ThreadLocal<>();

  private record Completed(CommandContext command, String processInstanceId, String clerk, Set<String> bureaus) {
  }

  private NextStepAssignment() {
  }

  /** Complete listener: remembers who completed which bureau's step of which case, until the command ends. */
  static void stepCompleted(TaskEntity task) {
    CommandContext command = Context.getCommandContext();
    Authentication caller = command == null ? null : command.getAuthentication();
    if (caller == null || caller.getUserId() == null) {
      return;
    }
    Completed previous = COMPLETED.get();
    COMPLETED.set(new Completed(command, task.getProcessInstanceId(), caller.getUserId(), candidateGroups(task)));
    if (previous == null || previous.command() != command) {
      command.registerCommandContextListener(new CommandContextListener() {
        @Override
        public void onCommandContextClose(CommandContext context) {
          COMPLETED.remove();
        }

        @Override
        public void onCommandFailed(CommandContext context, Throwable failure) {
          COMPLETED.remove();
        }
      });
    }
  }

  /** Create listener: assigns the new task to the clerk of the previous step when the rules above hold. */
  static void offerToPreviousClerk(TaskEntity task, SlaPolicy policy) {
    if (!policy.followsClerk() || task.getAssignee() != null) {
      return;
    }
    Completed completed = COMPLETED.get();
    CommandContext command = Context.getCommandContext();
    if (completed == null || completed.command() != command
        || !completed.processInstanceId().equals(task.getProcessInstanceId())) {
      return;
    }
    Authentication caller = command.getAuthentication();
    if (caller == null || !completed.clerk().equals(caller.getUserId())) {
      return;
    }
    List<String> clerkGroups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    boolean sameBureau = candidateGroups(task).stream()
        .anyMatch(group -> completed.bureaus().contains(group) && clerkGroups.contains(group));
    if (sameBureau) {
      task.setAssignee(completed.clerk());
    }
  }

  private static Set<String> candidateGroups(TaskEntity task) {
    return task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId()).collect(Collectors.toSet());
  }
}
