package io.iisfarm.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * A weekly period in which host changes may start: it opens at {@code start} on each of {@code days} and
 * closes at {@code end}, local time in {@code timeZone}; an end at or before the start is on the next day.
 */
public class MaintenanceWindowSpec {
  /** 24-hour {@code HH:MM}. */
  public static final String TIME_PATTERN = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

  @Required
  @Size(min = 1, max = 7)
  @JsonPropertyDescription("Days the window opens on: Mon, Tue, Wed, Thu, Fri, Sat, Sun.")
  private List<Weekday> days = new ArrayList<>();

  @Required
  @Pattern(TIME_PATTERN)
  @JsonPropertyDescription("Local time the window opens, HH:MM (24-hour).")
  private String start;

  @Required
  @Pattern(TIME_PATTERN)
  @JsonPropertyDescription("Local time the window closes, HH:MM; at or before start means the next day.")
  private String end;

  @Default("UTC")
  @Size(max = 64)
  @Pattern("^[A-Za-z][A-Za-z0-9_+\\-/]*$")
  @JsonPropertyDescription("IANA time zone of start and end, e.g. Europe/Berlin; daylight saving is followed.")
  private String timeZone = "UTC";

  public MaintenanceWindowSpec() {}

  public MaintenanceWindowSpec(List<Weekday> days, String start, String end, String timeZone) {
    this.days = days;
    this.start = start;
    this.end = end;
    this.timeZone = timeZone;
  }

  public List<Weekday> getDays() { return days; }
  public void setDays(List<Weekday> days) { this.days = days; }
  public String getStart() { return start; }
  public void setStart(String start) { this.start = start; }
  public String getEnd() { return end; }
  public void setEnd(String end) { this.end = end; }
  public String getTimeZone() { return timeZone; }
  public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
}
