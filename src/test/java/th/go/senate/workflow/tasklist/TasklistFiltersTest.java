package th.go.senate.workflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.go.senate.workflow.support.PlatformTest;

/** The task list tells cases apart and opens on the work a clerk picks up next (issue 13 §2). */
class TasklistFiltersTest extends PlatformTest {

  @Autowired FilterService filterService;
  @Autowired TasklistFilters filters;

  @Test
  void theDefaultFilterListsTheClerksOwnAndTheBureausUnclaimedWorkOnly() {
    clockAt(LocalDateTime.of(2026, 11, 23, 9, 0));
    Filter first = filterService.createFilterQuery().list().stream()
        .min(Comparator.comparingInt(f -> ((Number) f.getProperties().getOrDefault("priority", 0)).intValue()))
        .orElseThrow();
    assertThat(first.getName()).isEqualTo(TasklistFilters.TO_DO);

    Task unclaimed = task(startPetition());
    Task mine = task(startPetition());
    Task colleagues = task(startPetition());
    taskService.claim(mine.getId(), "officePresidentUser");
    taskService.claim(colleagues.getId(), "officePresidentHeadUser"); // a colleague of the same bureau

    List<String> listed = listAs("officePresidentUser", TasklistFilters.TO_DO);
    assertThat(listed).contains(unclaimed.getId(), mine.getId())
        .as("claimed by someone else: in the bureau's lists, not in the next work").doesNotContain(colleagues.getId());
    assertThat(listAs("burLegalUser", TasklistFilters.TO_DO)).as("another bureau")
        .doesNotContain(unclaimed.getId(), mine.getId(), colleagues.getId());
  }

  @Test
  void everyFilterShowsTheReferenceNumberAndSubjectOnItsCards() {
    for (String name : List.of(TasklistFilters.TO_DO, TasklistFilters.MY_TASKS, TasklistFilters.BUREAU_UNASSIGNED,
        TasklistFilters.DUE_SOON, TasklistFilters.OVERDUE)) {
      Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
      assertThat(shownVariables(filter)).as(name).contains(TaskCardVariables.REFERENCE_NUMBER, TaskCardVariables.SUBJECT);
    }
  }

  @Test
  void everyTaskCarriesItsCasesReferenceNumberAndSubjectForItsCard() {
    ProcessInstance petition = startPetition();
    Task task = task(petition);
    assertThat(taskService.getVariableLocal(task.getId(), TaskCardVariables.REFERENCE_NUMBER))
        .isEqualTo(petition.getBusinessKey());
    assertThat(taskService.getVariableLocal(task.getId(), TaskCardVariables.SUBJECT))
        .isEqualTo(petitionIntake().get("subject"));
    // The clerk's filter list returns them with the card (the variable query a bureau may run: its own tasks').
    List<String> groups = identityService.createGroupQuery().groupMember("officePresidentUser").list().stream()
        .map(Group::getId).toList();
    identityService.setAuthentication("officePresidentUser", groups);
    try {
      assertThat(processEngine.getRuntimeService().createVariableInstanceQuery().taskIdIn(task.getId())
          .variableName(TaskCardVariables.REFERENCE_NUMBER).singleResult().getValue()).isEqualTo(petition.getBusinessKey());
    } finally {
      identityService.clearAuthentication();
    }
    // Another bureau reads neither.
    identityService.setAuthentication("burLegalUser", List.of("burLegal"));
    try {
      assertThat(processEngine.getRuntimeService().createVariableInstanceQuery().taskIdIn(task.getId()).count()).isZero();
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void aFilterOfAnEarlierDatabaseGetsTheCardVariablesAndAReadableColourOnceAndKeepsTheRest() {
    Filter filter = filterService.createFilterQuery().filterName(TasklistFilters.DUE_SOON).singleResult();
    Map<String, Object> original = new LinkedHashMap<>(filter.getProperties());
    try {
      Map<String, Object> old = new LinkedHashMap<>(original);
      old.remove("variables");
      old.put("color", "#E0A800");
      old.put("description", "ข้อความที่ผู้ดูแลแก้ไว้");
      filterService.saveFilter(filter.setProperties(old));

      filters.create();
      filters.create(); // idempotent: a second start changes nothing more, and creates no second filter

      assertThat(filterService.createFilterQuery().filterName(TasklistFilters.DUE_SOON).count()).isEqualTo(1);
      Filter upgraded = filterService.getFilter(filter.getId());
      assertThat(shownVariables(upgraded)).containsOnlyOnce(TaskCardVariables.REFERENCE_NUMBER, TaskCardVariables.SUBJECT);
      assertThat(upgraded.getProperties().get("color")).isEqualTo(TasklistFilters.AMBER);
      assertThat(upgraded.getProperties().get("description")).as("the administrator's edit stays")
          .isEqualTo("ข้อความที่ผู้ดูแลแก้ไว้");

      // A colour an administrator chose is theirs.
      Map<String, Object> chosen = new LinkedHashMap<>(upgraded.getProperties());
      chosen.put("color", "#ff00ff");
      filterService.saveFilter(upgraded.setProperties(chosen));
      filters.create();
      assertThat(filterService.getFilter(filter.getId()).getProperties().get("color")).isEqualTo("#ff00ff");
    } finally {
      Filter restore = filterService.getFilter(filter.getId());
      filterService.saveFilter(restore.setProperties(original));
    }
  }

  @Test
  void everyFilterColourReadsOnWhiteAtLeastAtFourAndAHalfToOne() {
    for (Filter filter : filterService.createFilterQuery().list()) {
      Object colour = filter.getProperties().get("color");
      if (colour instanceof String c && List.of(TasklistFilters.TO_DO, TasklistFilters.MY_TASKS,
          TasklistFilters.BUREAU_UNASSIGNED, TasklistFilters.DUE_SOON, TasklistFilters.OVERDUE).contains(filter.getName())) {
        assertThat(contrastOnWhite(c)).as("%s %s", filter.getName(), c).isGreaterThanOrEqualTo(4.5);
      }
    }
    for (String c : List.of(TasklistFilters.BLUE, TasklistFilters.GREEN, TasklistFilters.AMBER, TasklistFilters.RED,
        TasklistFilters.VIOLET)) {
      assertThat(contrastOnWhite(c)).as(c).isGreaterThanOrEqualTo(4.5);
    }
    // The rule has teeth: the colours of issue 13 §9 fail it.
    assertThat(contrastOnWhite("#e0a800")).isLessThan(4.5);
    assertThat(contrastOnWhite("#3c8d40")).isLessThan(4.5);
  }

  /** WCAG 2.1 contrast ratio of a #rrggbb colour against white. */
  private static double contrastOnWhite(String hex) {
    double[] channel = new double[3];
    for (int i = 0; i < 3; i++) {
      double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
      channel[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
    double luminance = 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2];
    return 1.05 / (luminance + 0.05);
  }

  private static List<String> shownVariables(Filter filter) {
    Object variables = filter.getProperties().get("variables");
    List<String> names = new ArrayList<>();
    if (variables instanceof List<?> list) {
      for (Object v : list) {
        if (v instanceof Map<?, ?> m) {
          names.add(String.valueOf(m.get("name")));
        }
      }
    }
    return names;
  }

  private List<String> listAs(String userId, String filterName) {
    Filter filter = filterService.createFilterQuery().filterName(filterName).singleResult();
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList();
    identityService.setAuthentication(userId, groups);
    try {
      return filterService.<Task>list(filter.getId()).stream().map(Task::getId).toList();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
