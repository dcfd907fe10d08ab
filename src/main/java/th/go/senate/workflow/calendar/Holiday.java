package th.go.senate.workflow.calendar;

import java.time.LocalDate;

/** A government holiday that falls on a weekday. */
public record Holiday(LocalDate date, String nameTh, String nameEn) {
}
