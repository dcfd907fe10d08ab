package th.go.senate.workflow.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Date;

/**
 * Dates as a Thai reader writes them, Buddhist Era, Bangkok time: {@code 26 พ.ย. 2569} and
 * {@code 26 พ.ย. 2569 เวลา 16.30 น.} in notices and the tracker, {@code 24.00 น. ของวันที่ 27 มีนาคม พ.ศ. 2589} for a
 * legal deadline, {@code 26/11/2569} and {@code ต.ค. 2568} in reports. The one home of the Thai month names.
 */
public final class ThaiDates {

  private static final String[] MONTHS = {"มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
      "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"};
  private static final String[] SHORT_MONTHS = {"ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.",
      "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."};

  private ThaiDates() {
  }

  /** The Buddhist-Era year of a day: 2026 → 2569. */
  public static int buddhistYear(LocalDate day) {
    return day.getYear() + FiscalYear.BUDDHIST_ERA_OFFSET;
  }

  /** {@code 26 พ.ย. 2569}. */
  public static String date(LocalDate day) {
    return day.getDayOfMonth() + " " + SHORT_MONTHS[day.getMonthValue() - 1] + " " + buddhistYear(day);
  }

  /** {@code 27 มีนาคม พ.ศ. 2589}: the month in full, as a legal deadline is written. */
  public static String longDate(LocalDate day) {
    return day.getDayOfMonth() + " " + MONTHS[day.getMonthValue() - 1] + " พ.ศ. " + buddhistYear(day);
  }

  /** {@code 26/11/2569}: the Thai civil format. */
  public static String civilDate(LocalDate day) {
    return String.format("%02d/%02d/%d", day.getDayOfMonth(), day.getMonthValue(), buddhistYear(day));
  }

  /** {@code ต.ค. 2568}. */
  public static String month(YearMonth month) {
    return SHORT_MONTHS[month.getMonthValue() - 1] + " " + (month.getYear() + FiscalYear.BUDDHIST_ERA_OFFSET);
  }

  public static String dateTime(Instant instant) {
    ZonedDateTime local = instant.atZone(BangkokTime.ZONE);
    return date(local.toLocalDate()) + String.format(" เวลา %02d.%02d น.", local.getHour(), local.getMinute());
  }

  public static String dateTime(Date date) {
    return date == null ? null : dateTime(date.toInstant());
  }

  public static String date(Instant instant) {
    return instant == null ? null : date(BangkokTime.dateOf(instant));
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
      LocalDate day = BangkokTime.date(text);
      return day == null ? text : date(day);
    }
    return text;
  }
}
