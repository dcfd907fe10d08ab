package th.go.senate.workflow.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Bangkok time, in which every deadline of the Secretariat is stated whatever zone the host runs in, and the one
 * place that reads a date out of a process variable or a form value. It sits in the calendar, at the bottom of the
 * layers, so that the application class and every package below it take the zone, "now", "today" and the meaning
 * of a date value from one place.
 *
 * <p>"Now" is the engine's clock ({@link ClockUtil}), not the host's: tests move it, and so do timers.
 */
public final class BangkokTime {

  public static final String ZONE_ID = "Asia/Bangkok";
  public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

  private BangkokTime() {
  }

  /** Now, on the engine's clock. */
  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** Today in Bangkok, on the engine's clock. */
  public static LocalDate today() {
    return dateOf(now());
  }

  /** The Bangkok day an instant falls on. */
  public static LocalDate dateOf(Instant instant) {
    return instant.atZone(ZONE).toLocalDate();
  }

  /** 00:00 Bangkok on {@code day}. */
  public static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZONE).toInstant();
  }

  /**
   * The Bangkok day of a date value, or {@code null} when it is missing or not a date. Accepted: a {@link Date} (the
   * engine API), the java.time types, and text as Camunda Forms and the REST API send it: {@code 2026-11-26} (form-js)
   * or an ISO date-time ({@code 2026-11-26T09:00:00+07:00}, whose Bangkok day is taken, or {@code 2026-11-26T09:00}).
   */
  public static LocalDate date(Object value) {
    if (value instanceof LocalDate day) {
      return day;
    }
    if (value instanceof LocalDateTime time) {
      return time.toLocalDate();
    }
    Instant instant = exactInstant(value);
    if (instant != null) {
      return dateOf(instant);
    }
    if (value instanceof CharSequence text && !text.toString().isBlank()) {
      String stripped = text.toString().strip();
      try {
        return LocalDate.parse(stripped);
      } catch (DateTimeParseException notADate) {
        try {
          return LocalDateTime.parse(stripped).toLocalDate();
        } catch (DateTimeParseException notALocalDateTime) {
          return null;
        }
      }
    }
    return null;
  }

  /**
   * The instant a date value stands for, or {@code null} when it is missing or not a date: a point in time as it is,
   * a date alone (or a date-time without zone) in Bangkok, a date alone meaning the start of that day.
   */
  public static Instant instant(Object value) {
    Instant exact = exactInstant(value);
    if (exact != null) {
      return exact;
    }
    if (value instanceof LocalDateTime time) {
      return time.atZone(ZONE).toInstant();
    }
    if (value instanceof CharSequence text && !text.toString().isBlank()) {
      try {
        return LocalDateTime.parse(text.toString().strip()).atZone(ZONE).toInstant();
      } catch (DateTimeParseException notALocalDateTime) {
        // a date alone, below
      }
    }
    LocalDate day = date(value);
    return day == null ? null : startOf(day);
  }

  /** A value that names one point in time (a Date, an Instant, a zoned or offset date-time, or such text). */
  private static Instant exactInstant(Object value) {
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    if (value instanceof ZonedDateTime time) {
      return time.toInstant();
    }
    if (value instanceof CharSequence text && !text.toString().isBlank()) {
      try {
        return OffsetDateTime.parse(text.toString().strip()).toInstant();
      } catch (DateTimeParseException notAnInstant) {
        return null;
      }
    }
    return null;
  }
}
