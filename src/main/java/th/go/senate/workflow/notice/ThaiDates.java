package th.go.senate.workflow.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;

import th.go.senate.workflow.calendar.DueDatePlanner;
import th.go.senate.workflow.calendar.FiscalYear;

/** Dates as a Thai reader writes them: {@code 26 พ.ย. 2569} and {@code 26 พ.ย. 2569 เวลา 16:30 น.} (Bangkok). */
public final class ThaiDates {

  private static final String[] MONTHS = {"ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.",
      "ต.ค.", "พ.ย.", "ธ.ค."};

  private ThaiDates() {
  }

  public static String date(LocalDate day) {
    return day.getDayOfMonth() + " " + MONTHS[day.getMonthValue() - 1] + " "
        + (day.getYear() + FiscalYear.BUDDHIST_ERA_OFFSET);
  }

  public static String dateTime(Instant instant) {
    ZonedDateTime local = instant.atZone(DueDatePlanner.ZONE);
    return date(local.toLocalDate()) + String.format(" เวลา %02d:%02d น.", local.getHour(), local.getMinute());
  }

  public static String dateTime(Date date) {
    return date == null ? null : dateTime(date.toInstant());
  }

  public static String date(Instant instant) {
    return instant == null ? null : date(instant.atZone(DueDatePlanner.ZONE).toLocalDate());
  }

  /** A form's date value ({@code 2026-11-26}) in B.E., other values as they are. */
  public static String value(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Date date) {
      return dateTime(date);
    }
    String text = String.valueOf(value);
    if (text.length() == 10 && text.charAt(4) == '-') {
      try {
        return date(LocalDate.parse(text));
      } catch (DateTimeParseException e) {
        return text;
      }
    }
    return text;
  }
}
