package th.go.senate.workflow.form;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

import th.go.senate.workflow.calendar.ThaiDates;

/**
 * The plausibility of a date typed into any form (application.yaml {@code senate.form-dates}), checked by
 * {@link FormValidator} for every date field of every form, so a slip of the keyboard is refused before it is saved.
 * Typing the Buddhist-Era year into a Gregorian date (2569 for 2026) moves a date 543 years ahead; a date that far
 * from today is never meant. What has already happened (a petition received, a bill's arrival) cannot be in the
 * future: those variables are listed in {@code not-after-today}, and a Secretariat adds a new form's such date there.
 */
@ConfigurationProperties("senate.form-dates")
public class FormDateRules {

  /** How many years before today a date may lie (older papers are registered, but not from another century). */
  private int yearsBack = 30;
  /** How many years after today a date may lie (a planned sitting, a corrective plan's completion). */
  private int yearsAhead = 10;
  /** Variables (form field keys) whose date records an event that has happened: never after today. */
  private Set<String> notAfterToday = new LinkedHashSet<>();

  /** The Thai problem of a date entered into the field, or {@code null} when the date is plausible on {@code today}. */
  public String problem(String label, String key, LocalDate date, LocalDate today) {
    LocalDate earliest = today.minusYears(yearsBack);
    LocalDate latest = today.plusYears(yearsAhead);
    if (date.isBefore(earliest) || date.isAfter(latest)) {
      return label + " เป็นวันที่ " + ThaiDates.date(date) + " ซึ่งอยู่นอกช่วงที่รับได้ ("
          + ThaiDates.date(earliest) + " ถึง " + ThaiDates.date(latest) + ") กรุณาตรวจสอบปี พ.ศ. ที่กรอก";
    }
    if (notAfterToday.contains(key) && date.isAfter(today)) {
      return label + " เป็นวันที่ " + ThaiDates.date(date) + " ซึ่งยังมาไม่ถึง กรุณากรอกวันที่ไม่เกินวันนี้ ("
          + ThaiDates.date(today) + ")";
    }
    return null;
  }

  public int getYearsBack() {
    return yearsBack;
  }

  public void setYearsBack(int yearsBack) {
    this.yearsBack = yearsBack;
  }

  public int getYearsAhead() {
    return yearsAhead;
  }

  public void setYearsAhead(int yearsAhead) {
    this.yearsAhead = yearsAhead;
  }

  public Set<String> getNotAfterToday() {
    return notAfterToday;
  }

  public void setNotAfterToday(List<String> keys) {
    this.notAfterToday = new LinkedHashSet<>(keys);
  }
}
