package th.go.senate.workflow.calendar;

import java.time.ZoneId;

/**
 * Bangkok time, in which every deadline of the Secretariat is stated whatever zone the host runs in. It sits in
 * the calendar, at the bottom of the layers, so that the application class and every package below it take the
 * zone from one place.
 */
public final class BangkokTime {

  public static final String ZONE_ID = "Asia/Bangkok";
  public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

  private BangkokTime() {
  }
}
