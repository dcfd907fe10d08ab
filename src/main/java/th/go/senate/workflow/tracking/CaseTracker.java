package th.go.senate.workflow.tracking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import th.go.senate.workflow.identity.BureauDirectory;
import th.go.senate.workflow.calendar.ThaiDates;

/**
 * What the public tracker tells about a case, given its reference number and tracking code: the stages reached
 * (configured per process in plain Thai, with their B.E. dates), the bureau responsible now (never a person) and
 * the date the current step is due. Nothing personal and no free text of the case is read. A wrong code and an
 * unknown reference number give the same empty answer. A confidential process (integrity cases) answers only
 * "in progress" or "completed".
 */
@Service
public class CaseTracker {

  public static final String RECEIVED = "รับเรื่องแล้ว";
  public static final String CLOSED = "ปิดเรื่องแล้ว";
  public static final String MINIMAL_OPEN = "อยู่ระหว่างดำเนินการ";
  public static final String MINIMAL_DONE = "ดำเนินการเสร็จสิ้นแล้ว";

  /** One stage reached, and when (B.E.). */
  public record Stage(String label, String date) {
  }

  /** The tracker's answer. {@code stages}, {@code bureau} and {@code nextExpectedDate} are empty for a minimal status. */
  public record Status(String referenceNumber, String caseType, String stage, boolean closed, List<Stage> stages,
      String bureau, String nextExpectedDate) {
  }

  private final HistoryService history;
  private final TaskService tasks;
  private final TrackingProperties properties;
  private final BureauDirectory bureaus;

  public CaseTracker(HistoryService history, TaskService tasks,
      TrackingProperties properties, BureauDirectory bureaus) {
    this.history = history;
    this.tasks = tasks;
    this.properties = properties;
    this.bureaus = bureaus;
  }

  public Optional<Status> track(String referenceNumber, String trackingCode) {
    List<HistoricProcessInstance> found = history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(referenceNumber).list();
    if (found.size() != 1) {
      return Optional.empty();
    }
    HistoricProcessInstance instance = found.get(0);
    HistoricVariableInstance code = history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(TrackingCodes.VARIABLE).singleResult();
    if (code == null || !(code.getValue() instanceof String expected) || !MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), TrackingCodes.normalise(trackingCode).getBytes(StandardCharsets.UTF_8))) {
      return Optional.empty();
    }
    String processKey = instance.getProcessDefinitionKey();
    boolean closed = instance.getEndTime() != null;
    String caseType = properties.getProcessNames().getOrDefault(processKey, processKey);
    if (properties.getMinimal().contains(processKey)) {
      return Optional.of(new Status(referenceNumber, caseType, closed ? MINIMAL_DONE : MINIMAL_OPEN, closed, List.of(),
          null, null));
    }
    List<Stage> stages = new ArrayList<>();
    stages.add(new Stage(RECEIVED, ThaiDates.date(instance.getStartTime().toInstant())));
    List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
        .processInstanceId(instance.getId()).list();
    List<Reached> reached = new ArrayList<>();
    for (TrackingProperties.Stage stage : properties.getStages().getOrDefault(processKey, List.of())) {
      activities.stream().filter(activity -> activity.getActivityId().equals(stage.getActivity()))
          .map(activity -> "end".equals(stage.getWhen()) ? activity.getEndTime() : activity.getStartTime())
          .filter(java.util.Objects::nonNull).min(Comparator.naturalOrder())
          .ifPresent(at -> reached.add(new Reached(stage.getLabel(), at)));
    }
    reached.stream().sorted(Comparator.comparing(Reached::at))
        .forEach(stage -> stages.add(new Stage(stage.label(), ThaiDates.date(stage.at().toInstant()))));
    if (closed) {
      stages.add(new Stage(CLOSED, ThaiDates.date(instance.getEndTime().toInstant())));
    }
    String bureau = null;
    String next = null;
    if (!closed) {
      List<Task> open = tasks.createTaskQuery().processInstanceId(instance.getId()).orderByDueDate().asc().list();
      for (Task task : open) {
        if (bureau == null) {
          bureau = bureauOf(task);
        }
        if (next == null && task.getDueDate() != null) {
          next = ThaiDates.date(task.getDueDate().toInstant());
        }
      }
    }
    return Optional.of(new Status(referenceNumber, caseType, stages.get(stages.size() - 1).label(), closed,
        List.copyOf(stages), bureau, next));
  }

  private record Reached(String label, Date at) {
  }

  private String bureauOf(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .filter(group -> !group.endsWith(BureauDirectory.HEAD_SUFFIX))
        .findFirst()
        .flatMap(group -> bureaus.allGroups().stream().filter(g -> g.getId().equals(group)).findFirst())
        .map(BureauDirectory.GroupDescription::getNameTh)
        .orElse(null);
  }
}
