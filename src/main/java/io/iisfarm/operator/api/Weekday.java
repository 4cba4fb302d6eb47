package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.DayOfWeek;

/** A day of the week as maintenance windows name it. */
public enum Weekday {
  @JsonProperty("Mon")
  MON(DayOfWeek.MONDAY),
  @JsonProperty("Tue")
  TUE(DayOfWeek.TUESDAY),
  @JsonProperty("Wed")
  WED(DayOfWeek.WEDNESDAY),
  @JsonProperty("Thu")
  THU(DayOfWeek.THURSDAY),
  @JsonProperty("Fri")
  FRI(DayOfWeek.FRIDAY),
  @JsonProperty("Sat")
  SAT(DayOfWeek.SATURDAY),
  @JsonProperty("Sun")
  SUN(DayOfWeek.SUNDAY);

  private final DayOfWeek day;

  Weekday(DayOfWeek day) {
    this.day = day;
  }

  public DayOfWeek dayOfWeek() { return day; }

  public String wireName() {
    return WireNames.of(this);
  }
}
