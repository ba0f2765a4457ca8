package dev.redshiftdata.spark.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedshiftTextTest {

  private static long micros(LocalDateTime t) {
    return micros(t.toInstant(ZoneOffset.UTC));
  }

  private static long micros(OffsetDateTime t) {
    return micros(t.toInstant());
  }

  private static long micros(Instant i) {
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
  }

  @ParameterizedTest
  @CsvSource({
    "1970-01-01,1970-01-01",
    "2023-10-23,2023-10-23",
    "0001-01-01,0001-01-01",
    "1582-10-04,1582-10-04",
    "1582-10-15,1582-10-15",
    "1582-10-10,1582-10-10", // does not exist in the Julian/Gregorian hybrid; proleptic: exists
    "1900-02-28,1900-02-28",
    "2000-02-29,2000-02-29",
    "9999-12-31,9999-12-31",
    "10000-01-01,+10000-01-01",
    "294276-12-31,+294276-12-31"
  })
  void dates(String text, String iso) {
    assertEquals(LocalDate.parse(iso).toEpochDay(), RedshiftText.parseDate(text));
  }

  @Test
  void bcDates() {
    // Year N BC is proleptic (astronomical) year 1 - N, as in PostgreSQL and Redshift.
    assertEquals(LocalDate.of(0, 12, 31).toEpochDay(), RedshiftText.parseDate("0001-12-31 BC"));
    assertEquals(LocalDate.of(-43, 3, 15).toEpochDay(), RedshiftText.parseDate("0044-03-15 BC"));
    assertEquals(LocalDate.of(-4712, 1, 1).toEpochDay(), RedshiftText.parseDate("4713-01-01 BC"));
    // 1 BC (year 0) is a leap year; 1 AD is not.
    assertEquals(LocalDate.of(0, 2, 29).toEpochDay(), RedshiftText.parseDate("0001-02-29 BC"));
    assertThrows(IllegalArgumentException.class, () -> RedshiftText.parseDate("0001-02-29"));
    // The day before 0001-01-01 (epoch day -719162).
    assertEquals(-719163, RedshiftText.parseDate("0001-12-31 BC"));
    assertEquals(-719162, RedshiftText.parseDate("0001-01-01"));
  }

  @ParameterizedTest
  @CsvSource({
    "2022-02-22 00:00:00.0,2022-02-22T00:00:00",
    "2022-02-22 00:00:00,2022-02-22T00:00:00",
    "2020-08-21 17:33:51.8,2020-08-21T17:33:51.800",
    "2020-08-21 17:33:51.88,2020-08-21T17:33:51.880",
    "2020-08-21 17:33:51.887,2020-08-21T17:33:51.887",
    "2020-08-21 17:33:51.8871,2020-08-21T17:33:51.887100",
    "2020-08-21 17:33:51.88712,2020-08-21T17:33:51.887120",
    "2020-08-21 17:33:51.887123,2020-08-21T17:33:51.887123",
    "2020-08-21 17:33:51.000001,2020-08-21T17:33:51.000001",
    "1969-12-31 23:59:59.999999,1969-12-31T23:59:59.999999",
    "0001-01-01 00:00:00.0,0001-01-01T00:00:00",
    "1582-10-04 12:00:00.5,1582-10-04T12:00:00.5",
    "9999-12-31 23:59:59.999999,9999-12-31T23:59:59.999999",
    "2022-02-22T01:02:03.4,2022-02-22T01:02:03.4"
  })
  void timestamps(String text, String iso) {
    assertEquals(micros(LocalDateTime.parse(iso)), RedshiftText.parseTimestamp(text));
  }

  @Test
  void timestampsBeyondFourDigitYearsAndBc() {
    assertEquals(
        micros(LocalDateTime.of(10000, 1, 1, 0, 0)),
        RedshiftText.parseTimestamp("10000-01-01 00:00:00.0"));
    assertEquals(
        micros(LocalDateTime.of(-43, 3, 15, 10, 0, 0, 500_000_000)),
        RedshiftText.parseTimestamp("0044-03-15 10:00:00.5 BC"));
    assertEquals(
        micros(OffsetDateTime.of(-43, 3, 15, 10, 0, 0, 0, ZoneOffset.UTC)),
        RedshiftText.parseTimestampTz("0044-03-15 10:00:00.0+00 BC"));
  }

  @ParameterizedTest
  @CsvSource({
    "2023-10-23 09:26:38.779304+00,2023-10-23T09:26:38.779304Z",
    "2023-10-23 09:26:38.0+00,2023-10-23T09:26:38Z",
    "2023-10-23 09:26:38+00,2023-10-23T09:26:38Z",
    "2023-10-23 09:26:38.1+05:30,2023-10-23T09:26:38.1+05:30",
    "2023-10-23 09:26:38.12-08,2023-10-23T09:26:38.12-08:00",
    "2023-10-23 00:10:00.0-09:30,2023-10-23T00:10:00-09:30",
    "1890-01-01 00:00:00.0+05:53:28,1890-01-01T00:00:00+05:53:28",
    "2023-10-23 09:26:38.5+0530,2023-10-23T09:26:38.5+05:30",
    "2023-03-12 02:30:00.0-05,2023-03-12T02:30:00-05:00", // inside New York's spring-forward gap
    "2023-11-05 01:30:00.0-04,2023-11-05T01:30:00-04:00", // New York's repeated hour, first
    "2023-11-05 01:30:00.0-05,2023-11-05T01:30:00-05:00", // and second time
    "2023-10-23 09:26:38.779304,2023-10-23T09:26:38.779304Z" // no offset: UTC
  })
  void timestampTz(String text, String iso) {
    assertEquals(micros(OffsetDateTime.parse(iso)), RedshiftText.parseTimestampTz(text));
  }

  @Test
  void resultsDoNotDependOnTheDefaultTimeZone() {
    TimeZone saved = TimeZone.getDefault();
    String[] zones = {"UTC", "America/New_York", "Asia/Kolkata", "Pacific/Chatham"};
    long[][] results = new long[zones.length][];
    try {
      for (int z = 0; z < zones.length; z++) {
        TimeZone.setDefault(TimeZone.getTimeZone(zones[z]));
        results[z] =
            new long[] {
              RedshiftText.parseTimestamp("2023-03-12 02:30:00.0"),
              RedshiftText.parseTimestamp("1582-10-10 00:00:00.0"),
              RedshiftText.parseTimestampTz("2023-11-05 01:30:00.5+05:30"),
              RedshiftText.parseTimestampTz("2023-10-23 09:26:38.779304+00"),
              RedshiftText.parseDate("1582-10-04"),
              RedshiftText.parseTimeTzNanosUtc("09:26:38.779304+05:30")
            };
      }
    } finally {
      TimeZone.setDefault(saved);
    }
    for (int z = 1; z < zones.length; z++) {
      assertArrayEquals(results[0], results[z], zones[z]);
    }
    assertEquals(micros(LocalDateTime.of(2023, 3, 12, 2, 30)), results[0][0]);
  }

  @ParameterizedTest
  @CsvSource({
    "00:00:00,00:00:00",
    "09:26:38,09:26:38",
    "09:26:38.7,09:26:38.7",
    "09:26:38.779304,09:26:38.779304",
    "23:59:59.999999,23:59:59.999999"
  })
  void times(String text, String iso) {
    assertEquals(LocalTime.parse(iso).toNanoOfDay(), RedshiftText.parseTimeNanos(text));
  }

  @ParameterizedTest
  @CsvSource({
    "09:26:38.779304+00,09:26:38.779304",
    "09:26:38+05:30,03:56:38",
    "01:00:00-03,04:00:00",
    "22:00:00-03,01:00:00",
    "02:00:00+05,21:00:00"
  })
  void timeTzAsUtcTimeOfDay(String text, String utc) {
    assertEquals(LocalTime.parse(utc).toNanoOfDay(), RedshiftText.parseTimeTzNanosUtc(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "2023-1-01",
        "2023-13-01",
        "2023-02-30",
        "23-01-01",
        "2023-01-01 25:00:00",
        "2023-01-01 10:00",
        "2023-01-01 10:00:00.1234567",
        "2023-01-01 10:00:00.",
        "2023-01-01 10:00:00 junk",
        "infinity"
      })
  void badTimestampTextIsRefusedWithTheValue(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RedshiftText.parseTimestamp(text));
    assertEquals("Cannot parse Redshift date/time text '" + text + "'", e.getMessage());
  }

  @Test
  void badTimesAndDates() {
    assertThrows(IllegalArgumentException.class, () -> RedshiftText.parseTimeNanos("24:00:00"));
    assertThrows(IllegalArgumentException.class, () -> RedshiftText.parseTimeNanos("12:60:00"));
    assertThrows(IllegalArgumentException.class, () -> RedshiftText.parseDate("2023-10-23 x"));
    assertThrows(
        IllegalArgumentException.class, () -> RedshiftText.parseTimestampTz("2023-10-23 1:00:00"));
  }

  @Test
  void hex() {
    assertArrayEquals(new byte[0], RedshiftText.parseHex(""));
    assertArrayEquals(
        new byte[] {0, 1, (byte) 0xab, (byte) 0xff}, RedshiftText.parseHex("0001abff"));
    assertArrayEquals(new byte[] {(byte) 0xAB}, RedshiftText.parseHex("AB"));
    assertArrayEquals(new byte[] {0x12, 0x34}, RedshiftText.parseHex("\\x1234"));
    assertThrows(IllegalArgumentException.class, () -> RedshiftText.parseHex("123"));
    assertThrows(IllegalArgumentException.class, () -> RedshiftText.parseHex("zz"));
  }
}
