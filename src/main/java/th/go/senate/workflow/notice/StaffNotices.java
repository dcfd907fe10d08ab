package th.go.senate.workflow.notice;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

import th.go.senate.workflow.calendar.ThaiDates;
import th.go.senate.workflow.identity.BureauDirectory;
import th.go.senate.workflow.notice.NoticeProperties.Audience;
import th.go.senate.workflow.notice.Notices.Recipient;

/**
 * The notices to staff: a task assigned to someone by someone else, and each SLA checkpoint as configured
 * ({@code senate.notice.sla-checkpoints}, beside the SLA policy: which action mails which audience with which
 * template). Every mail names the reference number, the subject, the step, the due date in B.E. and links to
 * the task in Tasklist; a confidential process (integrity cases) shows no subject.
 */
@Component
public class StaffNotices {

  static final String TASK_ASSIGNED = "task-assigned";
  private static final List<String> GRAVITY = List.of("ESCALATE", "BREACH", "HEAD", "WARN");

  private final Notices notices;
  private final BureauDirectory bureaus;

  public StaffNotices(Notices notices, BureauDirectory bureaus) {
    this.notices = notices;
    this.bureaus = bureaus;
  }

  /** Assignment listener of every user task: the new assignee is told, unless they took the task themselves. */
  public void taskAssigned(DelegateTask delegateTask) {
    String assignee = delegateTask.getAssignee();
    if (!notices.enabled() || assignee == null) {
      return;
    }
    String by = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
    if (assignee.equals(by)) {
      return;
    }
    TaskEntity task = (TaskEntity) delegateTask;
    Map<String, String> values = values(task);
    values.put("assignedBy", by == null ? "ระบบ" : notices.nameOf(by));
    notices.send(TASK_ASSIGNED, notices.user(assignee), values, about(task));
  }

  /**
   * Called by the SLA escalation once per checkpoint passed, with the checkpoint's actions (WARN, HEAD, BREACH,
   * ESCALATE, after they took effect). A person gets one mail per checkpoint: that of the gravest action naming
   * them (escalation, breach, head, warning), so a head drawn in at the breach reads "breach".
   */
  public void slaCheckpoint(TaskEntity task, Collection<? extends Enum<?>> actions, String escalationGroup) {
    if (!notices.enabled()) {
      return;
    }
    Set<String> told = new HashSet<>();
    Map<String, String> values = values(task);
    values.put("escalationGroupName", escalationGroup == null ? "" : bureauName(escalationGroup));
    List<? extends Enum<?>> gravestFirst = actions.stream()
        .sorted(java.util.Comparator.comparingInt(action -> GRAVITY.indexOf(action.name()))).toList();
    for (Enum<?> action : gravestFirst) {
      NoticeProperties.Checkpoint checkpoint = notices.properties().getSlaCheckpoints().get(action.name());
      if (checkpoint == null || checkpoint.getTemplate() == null) {
        continue;
      }
      List<Recipient> recipients = new ArrayList<>();
      for (Audience audience : checkpoint.getNotify()) {
        for (Recipient recipient : audience(task, audience, escalationGroup)) {
          if (told.add(recipient.userId() == null ? recipient.email() : recipient.userId())) {
            recipients.add(recipient);
          }
        }
      }
      notices.send(checkpoint.getTemplate(), recipients, values, about(task));
    }
  }

  private List<Recipient> audience(TaskEntity task, Audience audience, String escalationGroup) {
    return switch (audience) {
      case ASSIGNEE -> notices.user(task.getAssignee());
      case ASSIGNEE_OR_BUREAU -> task.getAssignee() != null ? notices.user(task.getAssignee())
          : bureau(task, escalationGroup).map(notices::group).orElse(List.of());
      case BUREAU -> bureau(task, escalationGroup).map(notices::group).orElse(List.of());
      case HEAD_GROUP -> bureau(task, escalationGroup).flatMap(bureaus::headOf).map(notices::group).orElse(List.of());
      case ESCALATION_GROUP -> notices.group(escalationGroup);
    };
  }

  /** The task's bureau: its candidate group that is neither a head group nor the escalation group. */
  private static Optional<String> bureau(TaskEntity task, String escalationGroup) {
    return task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId())
        .filter(group -> !group.endsWith(BureauDirectory.HEAD_SUFFIX) && !group.equals(escalationGroup))
        .findFirst();
  }

  private Map<String, String> values(TaskEntity task) {
    ExecutionEntity execution = task.getExecution();
    String processKey = execution.getProcessDefinition().getKey();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("referenceNumber", execution.getProcessBusinessKey());
    values.put("subject", notices.properties().getConfidentialProcesses().contains(processKey)
        ? "(เรื่องลับ โปรดดูในระบบรายการงาน)" : subject(execution));
    values.put("stepName", task.getName());
    values.put("processName", execution.getProcessDefinition().getName());
    values.put("dueDate", task.getDueDate() == null ? "ไม่กำหนด" : ThaiDates.dateTime(task.getDueDate()));
    values.put("bureauName", bureau(task, null).map(this::bureauName).orElse("-"));
    values.put("assigneeName", task.getAssignee() == null ? "ยังไม่มีผู้รับงาน" : notices.nameOf(task.getAssignee()));
    values.put("taskLink", notices.properties().getTasklistUrl() + "#/?task=" + task.getId());
    return values;
  }

  private static String subject(ExecutionEntity execution) {
    Object subject = execution.getVariable("subject");
    return subject == null ? execution.getProcessDefinition().getName() : String.valueOf(subject);
  }

  private String bureauName(String groupId) {
    return bureaus.allGroups().stream().filter(group -> group.getId().equals(groupId)).findFirst()
        .map(BureauDirectory.GroupDescription::getNameTh).orElse(groupId);
  }

  private static Notices.About about(TaskEntity task) {
    return new Notices.About(task.getExecution().getProcessBusinessKey(), task.getProcessInstanceId(), task.getId());
  }
}
