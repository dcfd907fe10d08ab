package th.go.senate.workflow.calendar;

import java.time.LocalDate;

/** A parliamentary session, both days inclusive (opened and closed by royal decree). */
public record SessionPeriod(Long id, String name, LocalDate openedOn, LocalDate closedOn) {

  public boolean contains(LocalDate day) {
    return !day.isBefore(openedOn) && !day.isAfter(closedOn);
  }
}
