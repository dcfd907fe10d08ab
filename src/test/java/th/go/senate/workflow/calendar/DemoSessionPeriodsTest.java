package th.go.senate.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

import th.go.senate.workflow.support.PlatformTest;

/**
 * The demo profile's session periods: plausible (two 120-day ordinary sessions a year, in order, none
 * overlapping), marked as demo data, idempotent, enough for a bill's 60 session days, and seeded by the demo
 * profile alone. Seeds a far-future year no other test uses and removes it afterwards.
 */
class DemoSessionPeriodsTest extends PlatformTest {

  private static final int YEAR = 2061;

  @Autowired DemoSessionPeriods demo;
  @Autowired SessionPeriodRepository sessions;
  @Autowired DueDatePlanner planner;

  @AfterEach
  void removeSeeded() {
    jdbc.update("delete from calendar_session_period where name like ?", "%" + DemoSessionPeriods.MARK);
    planner.forget();
  }

  @Test
  void seedsTwoOrdinarySessionsAYearForThisYearAndTheNextMarkedAsDemoData() {
    assertThat(demo.seed(YEAR)).isEqualTo(5);

    List<SessionPeriod> seeded = sessions.findAll().stream()
        .filter(s -> s.name().endsWith(DemoSessionPeriods.MARK))
        // the shared database may hold the demo periods of this year seeded by other tests (the demo history's)
        .filter(s -> s.openedOn().getYear() >= YEAR - 1).toList();
    assertThat(seeded).extracting(SessionPeriod::openedOn).containsExactly(LocalDate.of(2060, 12, 12),
        LocalDate.of(2061, 7, 3), LocalDate.of(2061, 12, 12), LocalDate.of(2062, 7, 3), LocalDate.of(2062, 12, 12));
    assertThat(seeded).extracting(SessionPeriod::closedOn).containsExactly(LocalDate.of(2061, 4, 10),
        LocalDate.of(2061, 10, 30), LocalDate.of(2062, 4, 10), LocalDate.of(2062, 10, 30), LocalDate.of(2063, 4, 10));
    for (SessionPeriod period : seeded) {
      assertThat(ChronoUnit.DAYS.between(period.openedOn(), period.closedOn()) + 1).as(period.name()).isEqualTo(120);
      assertThat(period.name()).startsWith("สมัยประชุมสามัญประจำปีครั้งที่");
    }
    assertThat(seeded.get(1).name()).contains("พ.ศ. 2604");

    // A bill arriving in recess (1 June 2061) counts its 60 session days from the opening on 3 July.
    assertThat(planner.due(bangkok(LocalDateTime.of(2061, 6, 1, 10, 0)), 60, CalendarKind.SESSION_DAYS))
        .isEqualTo(bangkok(LocalDateTime.of(2061, 9, 1, 0, 0)));
  }

  @Test
  void aSecondStartAddsNothingAndPeriodsTheAdministratorEnteredAreKept() {
    jdbc.update("insert into calendar_session_period (name, opened_on, closed_on) values (?, ?, ?)",
        "สมัยที่ผู้ดูแลระบบบันทึก " + DemoSessionPeriods.MARK, LocalDate.of(2061, 7, 1), LocalDate.of(2061, 10, 28));
    planner.forget();

    assertThat(demo.seed(YEAR)).isEqualTo(4);
    assertThat(demo.seed(YEAR)).isZero();
    assertThat(sessions.overlapping(LocalDate.of(2061, 7, 1), LocalDate.of(2061, 10, 30), null))
        .extracting(SessionPeriod::name).containsExactly("สมัยที่ผู้ดูแลระบบบันทึก " + DemoSessionPeriods.MARK);
  }

  @Test
  void onlyTheDemoProfileSeedsThem() throws Exception {
    // This context runs the test profile: the start seeded nothing, and a start of the bean adds nothing.
    long before = sessions.findAll().size();
    demo.seedAtStart();
    assertThat(sessions.findAll()).hasSize((int) before)
        .noneMatch(s -> s.name().endsWith(DemoSessionPeriods.MARK));

    var loader = new YamlPropertySourceLoader();
    assertThat(loader.load("demo", new ClassPathResource("application-demo.yaml")).get(0)
        .getProperty("senate.demo.session-periods")).isEqualTo(true);
    for (String profile : List.of("application.yaml", "application-postgres.yaml", "application-ldap.yaml",
        "application-test.yaml")) {
      assertThat(loader.load(profile, new ClassPathResource(profile)).get(0).getProperty("senate.demo.session-periods"))
          .as(profile).isNull();
    }
  }
}
