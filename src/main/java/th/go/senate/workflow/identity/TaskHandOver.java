package th.go.senate.workflow.identity;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import th.go.senate.workflow.web.Refusal;

/**
 * Who may hand a task back, take it over or give it to someone (issue 13 §6): the rule of every user task, run by
 * {@code engine/StepInstrumentation} on the {@code assignment} and {@code update} events, inside the command that
 * changes the task, so a refusal rolls it back and nothing is changed.
 *
 * <p>The engine's gate is wide and this listener is the rule. Tasklist's unclaim and assign ask for TASK_ASSIGN,
 * which bureau staff did not hold, so {@link IdentitySeeder} grants every group TASK_ASSIGN on the tasks of every
 * process definition: one row per group, none per task. Grants per task (for the heads of its groups, for its
 * holder) would add a row to every task's creation and every hand-over, and would still need this listener to
 * say to whom a task may go. Never UPDATE, which would let a clerk change the due date the KPI counts. Camunda
 * lets TASK_ASSIGN do more than assign (the due date, priority, name, owner, the candidate groups and users of a
 * task, and a whole task saved), so the {@code update} event refuses all of that to everyone but administrators:
 * a candidate group added by a clerk would show another bureau the case, an owner would get Camunda's default
 * permission on the task.
 *
 * <p>On an assignment, for a person (a step assigned by the platform itself, a timer or a job, is the model's):
 * <ul>
 *   <li>a caller who is neither in one of the task's candidate groups, nor its head, nor the holder cannot
 *       read the task and is refused as Camunda refuses (403);</li>
 *   <li>the head of a candidate bureau ({@code <bureau>Head}) assigns, reassigns and unclaims;</li>
 *   <li>a clerk takes a free task ({@code claim}) and hands back the one they hold ({@code unclaim});</li>
 *   <li>anything else is refused: an ordinary colleague does not take a task from its holder nor give it away.
 *       The holder may be in the middle of it (a draft form, a telephone call with the petitioner) and the KPI
 *       counts the step against whoever holds it, so a take-over is agreed: the holder hands it back, or the
 *       head, who answers for the bureau's workload, reassigns it.</li>
 * </ul>
 * And for everyone, administrators included: the new holder must be in one of the task's candidate groups (or a
 * candidate user of it); only an administrator taking a task themselves is not asked. Camunda gives the holder
 * READ and TASK_WORK on the task, so an assignee outside them would read another bureau's case, a protected
 * complainant's included.
 */
@Component
public class TaskHandOver implements TaskListener {

  static final String ASSIGNEE = "assignee";

  private final IdentityService identityService;
  private final BureauDirectory bureaus;
  private final SystemAuthority system;

  public TaskHandOver(@Lazy IdentityService identityService, BureauDirectory bureaus, SystemAuthority system) {
    this.identityService = identityService;
    this.bureaus = bureaus;
    this.system = system;
  }

  @Override
  public void notify(DelegateTask task) {
    CommandContext command = Context.getCommandContext();
    Authentication caller = command == null ? null : command.getAuthentication();
    boolean person = caller != null && caller.getUserId() != null;
    boolean administrator = person && command.getAuthorizationManager().isCamundaAdmin(caller);
    TaskEntity entity = (TaskEntity) task;
    if (EVENTNAME_UPDATE.equals(task.getEventName())) {
      if (person && !administrator && changesMoreThanTheAssignee(entity)) {
        throw new AuthorizationException(caller.getUserId(), Permissions.UPDATE.getName(), Resources.TASK.resourceName(),
            task.getId());
      }
      return;
    }
    if (!EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      return;
    }
    PropertyChange change = entity.getPropertyChanges().get(ASSIGNEE);
    String holder = change == null ? null : (String) change.getOrgValue();
    String assignee = task.getAssignee();
    Set<String> groups = candidates(entity, IdentityLink::getGroupId);
    Set<String> users = candidates(entity, IdentityLink::getUserId);
    if (person && !administrator) {
      checkCaller(caller, task, groups, users, holder, assignee);
    }
    if (assignee != null && !(groups.isEmpty() && users.isEmpty()) && !users.contains(assignee)
        && !mayHold(caller, administrator, assignee, groups)) {
      throw new Refusal("มอบหมายงาน \"" + task.getName() + "\" ให้ " + describe(assignee) + " ไม่ได้: ผู้ใช้นี้ไม่ได้เป็น"
          + "สมาชิกของ " + bureaus.namesTh(groups) + " ซึ่งรับผิดชอบงานนี้ จึงมอบหมายได้เฉพาะผู้ที่อยู่ในหน่วยงานเหล่านี้");
    }
  }

  private void checkCaller(Authentication caller, DelegateTask task, Set<String> groups, Set<String> users,
      String holder, String assignee) {
    String me = caller.getUserId();
    List<String> mine = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    boolean head = groups.stream().map(bureaus::headOf).flatMap(java.util.Optional::stream).anyMatch(mine::contains);
    if (head) {
      return;
    }
    boolean candidate = users.contains(me) || groups.stream().anyMatch(mine::contains);
    if (!candidate && !me.equals(holder)) {
      // Not a task the caller can read: answered as Camunda answers a missing right.
      throw new AuthorizationException(me, Permissions.TASK_ASSIGN.getName(), Resources.TASK.resourceName(),
          task.getId());
    }
    boolean claim = holder == null && me.equals(assignee);
    boolean handBack = me.equals(holder) && assignee == null;
    if (claim || handBack) {
      return;
    }
    String heads = bureaus.namesTh(groups.stream().map(bureaus::headOf).flatMap(java.util.Optional::stream)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new)));
    String byWhom = heads.isEmpty() ? "ผู้ดูแลระบบ" : heads;
    if (holder != null && !me.equals(holder)) {
      throw new Refusal("งาน \"" + task.getName() + "\" อยู่กับ " + describe(holder) + " จึงรับต่อหรือคืนงานแทนไม่ได้:"
          + " ขอให้ผู้ถืองานคืนงานก่อน หรือให้" + byWhom + "มอบหมายงานใหม่");
    }
    throw new Refusal("มอบหมายงาน \"" + task.getName() + "\" ให้ผู้อื่นได้เฉพาะ" + byWhom + ": ท่านรับงานเองหรือคืนงาน"
        + "ที่ถืออยู่ได้");
  }

  /**
   * Whether the new holder is in one of the task's candidate groups. A person taking the task themselves is
   * judged by the groups of their login, as the engine judges what they read (no directory query on a claim);
   * an administrator taking a task gains no right by it (they read every task already).
   */
  private boolean mayHold(Authentication caller, boolean administrator, String assignee, Set<String> groups) {
    if (caller != null && assignee.equals(caller.getUserId())) {
      return administrator || (caller.getGroupIds() != null && caller.getGroupIds().stream().anyMatch(groups::contains));
    }
    return system.call(() -> isMember(assignee, groups));
  }

  /**
   * The commands TASK_ASSIGN lets through besides an assignment: a task property (due date, follow-up date,
   * priority, name, description, owner), a candidate link added or removed, and a whole task saved
   * ({@code PUT /task/{id}}, which Camunda checks for TASK_ASSIGN alone) that changes more than its assignee.
   */
  private static boolean changesMoreThanTheAssignee(TaskEntity task) {
    CommandInvocationContext invocation = Context.getCommandInvocationContext();
    Object running = invocation == null ? null : invocation.getCommand();
    if (running instanceof SaveTaskCmd) {
      return !Set.of(ASSIGNEE).containsAll(task.getPropertyChanges().keySet());
    }
    return (running instanceof AbstractSetTaskPropertyCmd<?> && !(running instanceof AssignTaskCmd))
        || running instanceof DeleteIdentityLinkCmd;
  }

  private boolean isMember(String userId, Set<String> groups) {
    return groups.stream().anyMatch(group ->
        identityService.createUserQuery().userId(userId).memberOfGroup(group).count() > 0);
  }

  /** "ชื่อ นามสกุล (id)", or the id alone for a user the directory does not know. */
  private String describe(String userId) {
    User user = system.call(() -> identityService.createUserQuery().userId(userId).singleResult());
    if (user == null) {
      return userId;
    }
    String name = (Objects.toString(user.getFirstName(), "") + " " + Objects.toString(user.getLastName(), "")).trim();
    return name.isEmpty() ? userId : name + " (" + userId + ")";
  }

  private static Set<String> candidates(TaskEntity task, java.util.function.Function<IdentityLink, String> id) {
    return task.getCandidates().stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(id).filter(Objects::nonNull).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }
}
