package th.go.senate.workflow.tasklist;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.calendar.DueDatePlanner;
import th.go.senate.workflow.identity.StartupLock;

/**
 * The Tasklist filters a clerk finds on first login, in Thai. Created once (by name); an administrator may
 * edit them afterwards in Tasklist without the next start undoing it. Two properties are the platform's and are
 * added to a filter that lacks them at every start (a database from before them gets them too, once): the
 * variables every task card shows (the reference number and the subject, so that cases are told apart; tasks
 * created before this carry no such copy and show none) and a colour readable on white.
 */
@Component
public class TasklistFilters {

  /** The default filter (the first by priority): what a clerk picks up next, their own and their bureau's unclaimed. */
  public static final String TO_DO = "งานที่ต้องดำเนินการ";
  public static final String MY_TASKS = "งานของฉัน";
  public static final String BUREAU_UNASSIGNED = "งานของสำนักที่ยังไม่มีผู้รับ";
  public static final String DUE_SOON = "ครบกำหนดภายใน 2 วันทำการ";
  public static final String OVERDUE = "เกินกำหนด";

  private static final String MY_GROUPS = "${currentUserGroups()}";

  /**
   * The variables on every task card (Camunda's filter property {@code variables}): the case's reference number and
   * subject, which {@link TaskCardVariables} copies onto every task (a clerk may read a task's variables, not the
   * case's). Labels as in the forms' case header (Group_CaseHeader).
   */
  public static final List<Map<String, String>> CARD_VARIABLES = List.of(
      Map.of("name", TaskCardVariables.REFERENCE_NUMBER, "label", "เลขที่เรื่อง"),
      Map.of("name", TaskCardVariables.SUBJECT, "label", "เรื่อง"));

  /**
   * Filter colours, each at least 4.5:1 against white (WCAG 2.1 AA; Tasklist draws the name in this colour):
   * blue 6.4:1, green 6.0:1, amber-brown 5.9:1, red 5.4:1, violet 8.6:1 (TasklistFiltersTest computes them). Earlier databases had #e0a800 (2.1:1) and
   * #3c8d40 (4.1:1): those two are replaced at start, any other colour an administrator chose is kept.
   */
  static final String BLUE = "#1f5fa8";
  static final String GREEN = "#2e7031";
  static final String AMBER = "#8a5a00";
  static final String RED = "#c0392b";
  static final String VIOLET = "#5b3a8c";
  private static final Map<String, String> UNREADABLE_COLOURS = Map.of("#e0a800", AMBER, "#3c8d40", GREEN);

  private final FilterService filterService;
  private final TaskService taskService;
  private final DueDatePlanner planner;
  private final StartupLock lock;

  public TasklistFilters(FilterService filterService, TaskService taskService, DueDatePlanner planner,
      StartupLock lock) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.planner = planner;
    this.lock = lock;
  }

  /**
   * The upper bound of "due within N working days" (filter expression {@code tasklistFilters.dueWithinWorkingDays(N)}):
   * just after the end of the N-th working day from now. Camunda's {@code dueBefore} is strict and a working-day
   * due date is exactly 16:30 of its day, so {@code workingDaysFromNow(N)} itself would leave out every task due on
   * the N-th working day; the end of that day also takes in calendar-day deadlines (24:00).
   */
  public Date dueWithinWorkingDays(int days) {
    LocalDate lastDay = DueDatePlanner.local(planner.workingDaysFromNow(days).toInstant()).toLocalDate();
    return new Date(lastDay.plusDays(1).atStartOfDay(BangkokTime.ZONE).toInstant().toEpochMilli() + 1);
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(2)
  public void create() {
    // Filters have no unique name in the database: nodes starting together must not both create them.
    lock.run(this::createUnlocked);
  }

  private void createUnlocked() {
    // Own tasks and the bureau's unclaimed in one list: a new case's first step is there the moment it starts.
    create(TO_DO, "งานที่ฉันรับไว้และงานของสำนักที่ยังไม่มีผู้รับ (กดรับงานก่อนดำเนินการ)", -20, VIOLET,
        taskService.createTaskQuery().or().taskAssigneeExpression("${currentUser()}")
            .taskCandidateGroupInExpression(MY_GROUPS).endOr().orderByDueDate().asc());
    create(MY_TASKS, "งานที่ฉันรับไว้", -10, BLUE,
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    create(BUREAU_UNASSIGNED, "งานของกลุ่มของฉันที่ยังไม่มีผู้รับ กดรับงานก่อนดำเนินการ", -5, GREEN,
        taskService.createTaskQuery().taskCandidateGroupInExpression(MY_GROUPS).taskUnassigned()
            .orderByDueDate().asc());
    // The bound is counted on the working-day calendar (the Tasklist evaluates it at each query).
    create(DUE_SOON, "งานของกลุ่มของฉันที่จะครบกำหนดภายใน 2 วันทำการ", 0, AMBER,
        taskService.createTaskQuery().taskCandidateGroupInExpression(MY_GROUPS).includeAssignedTasks()
            .dueAfterExpression("${now()}").dueBeforeExpression("${tasklistFilters.dueWithinWorkingDays(2)}")
            .orderByDueDate().asc());
    create(OVERDUE, "งานของกลุ่มของฉันที่เลยกำหนดแล้ว", 5, RED,
        taskService.createTaskQuery().taskCandidateGroupInExpression(MY_GROUPS).includeAssignedTasks()
            .dueBeforeExpression("${now()}").orderByDueDate().asc());
  }

  private void create(String name, String description, int priority, String color, TaskQuery query) {
    List<Filter> existing = filterService.createFilterQuery().filterName(name).list();
    if (!existing.isEmpty()) {
      existing.forEach(this::upgrade);
      return;
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("color", color);
    properties.put("refresh", true);
    properties.put("variables", CARD_VARIABLES);
    Filter filter = filterService.newTaskFilter(name).setProperties(properties).setQuery(query);
    filterService.saveFilter(filter);
  }

  /** A filter saved before the card variables and readable colours: given them, once; nothing else changes. */
  private void upgrade(Filter filter) {
    Map<String, Object> properties = filter.getProperties() == null ? new LinkedHashMap<>()
        : new LinkedHashMap<>(filter.getProperties());
    boolean changed = false;
    // The card variables are added after any an administrator chose; a second start finds them and adds nothing.
    List<Object> shown = new ArrayList<>();
    if (properties.get("variables") instanceof List<?> existing) {
      shown.addAll(existing);
    }
    for (Map<String, String> variable : CARD_VARIABLES) {
      boolean present = shown.stream().anyMatch(v -> v instanceof Map<?, ?> m && variable.get("name").equals(m.get("name")));
      if (!present) {
        shown.add(variable);
        changed = true;
      }
    }
    properties.put("variables", shown);
    Object colour = properties.get("color");
    if (colour instanceof String c && UNREADABLE_COLOURS.containsKey(c.toLowerCase(Locale.ROOT))) {
      properties.put("color", UNREADABLE_COLOURS.get(c.toLowerCase(Locale.ROOT)));
      changed = true;
    }
    if (changed) {
      filterService.saveFilter(filter.setProperties(properties));
    }
  }
}
