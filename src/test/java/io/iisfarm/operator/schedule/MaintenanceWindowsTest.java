package io.iisfarm.operator.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Window arithmetic: membership, midnight crossing, DST nights, merging and the next opening. */
class MaintenanceWindowsTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  static WindowRule rule(String start, String end, ZoneId zone, DayOfWeek... days) {
    return new WindowRule(EnumSet.copyOf(List.of(days)), LocalTime.parse(start), LocalTime.parse(end), zone);
  }

  static Instant at(String localDateTime, ZoneId zone) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), zone).toInstant();
  }

  @Test
  void aTimeInsideTheWindowIsOpenAndTheEndIsExclusive() {
    MaintenanceWindows w = MaintenanceWindows.of(List.of(rule("22:00", "23:30", BERLIN, DayOfWeek.TUESDAY)));

    // 2026-11-24 is a Tuesday
    assertThat(w.openAt(at("2026-11-24T21:59:59", BERLIN))).isEmpty();
    assertThat(w.openAt(at("2026-11-24T22:00:00", BERLIN))).get()
        .extracting(OpenPeriod::end).isEqualTo(at("2026-11-24T23:30:00", BERLIN));
    assertThat(w.openAt(at("2026-11-24T23:29:59", BERLIN))).isPresent();
    assertThat(w.openAt(at("2026-11-24T23:30:00", BERLIN))).isEmpty();
    // the same time on a Wednesday is outside
    assertThat(w.openAt(at("2026-11-25T22:30:00", BERLIN))).isEmpty();
  }

  @Test
  void aWindowCrossingMidnightBelongsToTheDayItOpens() {
    MaintenanceWindows w = MaintenanceWindows.of(List.of(rule("22:00", "02:00", BERLIN, DayOfWeek.FRIDAY)));

    // Friday 2026-11-27 22:00 to Saturday 02:00
    assertThat(w.openAt(at("2026-11-28T01:30:00", BERLIN))).get()
        .extracting(OpenPeriod::start).isEqualTo(at("2026-11-27T22:00:00", BERLIN));
    // Saturday 22:00 does not open: Saturday is not a day of the window
    assertThat(w.openAt(at("2026-11-28T22:30:00", BERLIN))).isEmpty();
    // and Friday 01:00 belongs to Thursday's night, which is not a window either
    assertThat(w.openAt(at("2026-11-27T01:00:00", BERLIN))).isEmpty();
  }

  @Test
  void anEndAtMidnightClosesAtTheStartOfTheNextDay() {
    MaintenanceWindows w = MaintenanceWindows.of(List.of(rule("20:00", "00:00", ZoneId.of("UTC"), DayOfWeek.MONDAY)));

    OpenPeriod p = w.openAt(Instant.parse("2026-11-23T23:59:00Z")).orElseThrow();

    assertThat(p.end()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
    assertThat(p.length()).isEqualTo(Duration.ofHours(4));
  }

  @Test
  void onTheSpringForwardNightAWindowOverTheGapIsOneHourShorter() {
    // Europe/Berlin: 2026-03-29 02:00 becomes 03:00 (a Sunday)
    MaintenanceWindows w = MaintenanceWindows.of(List.of(rule("01:00", "04:00", BERLIN, DayOfWeek.SUNDAY)));

    OpenPeriod dstNight = w.openAt(at("2026-03-29T01:30:00", BERLIN)).orElseThrow();
    OpenPeriod weekBefore = w.openAt(at("2026-03-22T01:30:00", BERLIN)).orElseThrow();

    assertThat(dstNight.length()).isEqualTo(Duration.ofHours(2));
    assertThat(weekBefore.length()).isEqualTo(Duration.ofHours(3));
    assertThat(dstNight.end()).isEqualTo(Instant.parse("2026-03-29T02:00:00Z"));
  }

  @Test
  void aStartInsideTheSpringGapOpensWhenTheClockJumped() {
    // 02:30 does not exist that night: the window opens at 03:30 CEST, the gap's length later
    MaintenanceWindows w = MaintenanceWindows.of(List.of(rule("02:30", "05:00", BERLIN, DayOfWeek.SUNDAY)));

    OpenPeriod p = w.nextOpening(at("2026-03-29T00:00:00", BERLIN)).orElseThrow();

    assertThat(p.start()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    assertThat(p.end()).isEqualTo(Instant.parse("2026-03-29T03:00:00Z"));
  }

  @Test
  void onTheFallBackNightAWindowOverTheRepeatedHourIsOneHourLonger() {
    // America/New_York: 2026-11-01 02:00 EDT becomes 01:00 EST (a Sunday)
    MaintenanceWindows w = MaintenanceWindows.of(List.of(rule("00:00", "03:00", NEW_YORK, DayOfWeek.SUNDAY)));

    OpenPeriod p = w.openAt(Instant.parse("2026-11-01T05:30:00Z")).orElseThrow();

    assertThat(p.length()).isEqualTo(Duration.ofHours(4));
    assertThat(p.start()).isEqualTo(Instant.parse("2026-11-01T04:00:00Z"));
    assertThat(p.end()).isEqualTo(Instant.parse("2026-11-01T08:00:00Z"));
  }

  @Test
  void overlappingAndTouchingWindowsFormOnePeriod() {
    MaintenanceWindows w = MaintenanceWindows.of(List.of(
        rule("22:00", "02:00", BERLIN, DayOfWeek.FRIDAY),
        rule("01:00", "05:00", BERLIN, DayOfWeek.SATURDAY),
        rule("05:00", "06:00", BERLIN, DayOfWeek.SATURDAY)));

    OpenPeriod p = w.openAt(at("2026-11-27T23:00:00", BERLIN)).orElseThrow();

    assertThat(p.start()).isEqualTo(at("2026-11-27T22:00:00", BERLIN));
    assertThat(p.end()).isEqualTo(at("2026-11-28T06:00:00", BERLIN));
  }

  @Test
  void windowsInDifferentZonesAreComparedAsInstants() {
    MaintenanceWindows w = MaintenanceWindows.of(List.of(
        rule("23:00", "23:30", NEW_YORK, DayOfWeek.MONDAY),
        rule("03:00", "04:00", BERLIN, DayOfWeek.TUESDAY)));

    // Monday 2026-11-23 20:00 New York: the New York window (Tue 04:00 UTC) opens before Berlin's (Tue 02:00 UTC)?
    // No: Berlin's Tuesday 03:00 CET is 02:00 UTC, New York's Monday 23:00 EST is 04:00 UTC on Tuesday.
    OpenPeriod next = w.nextOpening(Instant.parse("2026-11-24T01:00:00Z")).orElseThrow();

    assertThat(next.start()).isEqualTo(Instant.parse("2026-11-24T02:00:00Z"));
    assertThat(next.zone()).isEqualTo(BERLIN);
    assertThat(w.nextOpening(next.start()).orElseThrow().start()).isEqualTo(Instant.parse("2026-11-24T04:00:00Z"));
  }

  @Test
  void theNextOpeningWrapsIntoNextWeek() {
    MaintenanceWindows w = MaintenanceWindows.of(List.of(rule("22:00", "02:00", BERLIN, DayOfWeek.SATURDAY)));

    // Sunday 2026-11-29 03:00, just after the window closed: next is Saturday 2026-12-05
    OpenPeriod next = w.nextOpening(at("2026-11-29T03:00:00", BERLIN)).orElseThrow();

    assertThat(next.start()).isEqualTo(at("2026-12-05T22:00:00", BERLIN));
  }

  @Test
  void theNextOpeningWhileAWindowIsOpenIsTheOneAfterIt() {
    MaintenanceWindows w = MaintenanceWindows.of(List.of(rule("01:00", "03:00", BERLIN,
        DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY)));

    OpenPeriod next = w.nextOpening(at("2026-11-23T02:00:00", BERLIN)).orElseThrow();

    assertThat(next.start()).isEqualTo(at("2026-11-25T01:00:00", BERLIN));
  }

  @Test
  void firstFittingSkipsWindowsTooShortAndTheRestOfTheOneOpenNow() {
    MaintenanceWindows w = MaintenanceWindows.of(List.of(
        rule("01:00", "01:20", BERLIN, DayOfWeek.MONDAY, DayOfWeek.TUESDAY),
        rule("01:00", "03:00", BERLIN, DayOfWeek.THURSDAY)));
    Instant mondayLate = at("2026-11-23T01:15:00", BERLIN);

    // 5 minutes of Monday's window are left: a 3-minute step fits now, a 10-minute one waits until Tuesday,
    // a 30-minute one until Thursday, a 3-hour one never
    assertThat(w.firstFitting(mondayLate, Duration.ofMinutes(3))).get()
        .extracting(OpenPeriod::start).isEqualTo(at("2026-11-23T01:00:00", BERLIN));
    assertThat(w.firstFitting(mondayLate, Duration.ofMinutes(10))).get()
        .extracting(OpenPeriod::start).isEqualTo(at("2026-11-24T01:00:00", BERLIN));
    assertThat(w.firstFitting(mondayLate, Duration.ofMinutes(30))).get()
        .extracting(OpenPeriod::start).isEqualTo(at("2026-11-26T01:00:00", BERLIN));
    assertThat(w.firstFitting(mondayLate, Duration.ofHours(3))).isEmpty();
  }

  @Test
  void noWindowsMeansNoRestriction() {
    MaintenanceWindows w = MaintenanceWindows.unrestricted();
    WindowCheck check = new WindowCheck(w, Instant.parse("2026-11-24T12:00:00Z"), false);

    assertThat(w.restricted()).isFalse();
    assertThat(check.open()).isTrue();
    assertThat(check.refusal(Duration.ofHours(50), check.at())).isNull();
  }

  @Test
  void aRuleMustHaveALength() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> rule("22:00", "22:00", BERLIN, DayOfWeek.MONDAY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same time");
  }
}
