package dev.redshiftdata.spark.types;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * Parsers for Redshift's text forms of dates, times and timestamps (Data API {@code stringValue}
 * and CSV cells) into Spark's internal values. Hand-written (no {@code DateTimeFormatter}, no time
 * zone lookups): results never depend on the JVM's default time zone.
 *
 * <p>Accepted forms: {@code [Y]YYYY-MM-DD}, {@code ... HH:MM:SS[.f{1,6}]} with an optional offset
 * {@code +HH}, {@code +HH:MM} or {@code +HH:MM:SS} (sign {@code +} or {@code -}), and an optional
 * trailing {@code " BC"} (PostgreSQL's/Redshift's era suffix: year 1 BC is proleptic year 0). Years
 * may have more than four digits. Calendar: proleptic Gregorian, as Spark 3+ and Redshift.
 */
public final class RedshiftText {

  static final long MICROS_PER_SECOND = 1_000_000L;
  static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;
  static final long NANOS_PER_DAY = MICROS_PER_DAY * 1000L;

  private RedshiftText() {}

  /** DATE text -> days since 1970-01-01. */
  public static int parseDate(String s) {
    Cursor c = new Cursor(s);
    c.date();
    c.era();
    c.end();
    return Math.toIntExact(c.epochDay());
  }

  /** TIMESTAMP text -> microseconds since the epoch, reading the wall clock as UTC. */
  public static long parseTimestamp(String s) {
    return timestamp(s, false);
  }

  /**
   * TIMESTAMPTZ text -> microseconds since the epoch of the instant; the offset ({@code +00},
   * {@code +05:30}, ...) is applied, a missing offset means UTC.
   */
  public static long parseTimestampTz(String s) {
    return timestamp(s, true);
  }

  private static long timestamp(String s, boolean zoned) {
    Cursor c = new Cursor(s);
    c.date();
    c.dateTimeSeparator();
    long micros = c.timeOfDayMicros();
    long offsetSeconds = zoned ? c.offsetSeconds() : 0;
    c.era();
    c.end();
    long days = c.epochDay();
    try {
      return Math.addExact(
          Math.addExact(Math.multiplyExact(days, MICROS_PER_DAY), micros),
          -offsetSeconds * MICROS_PER_SECOND);
    } catch (ArithmeticException e) {
      throw c.bad();
    }
  }

  /** TIME text -> nanoseconds since midnight (Spark's TimeType value). */
  public static long parseTimeNanos(String s) {
    Cursor c = new Cursor(s);
    long micros = c.timeOfDayMicros();
    c.end();
    if (micros >= MICROS_PER_DAY) {
      throw c.bad(); // 24:00:00 has no Spark TimeType value
    }
    return micros * 1000L;
  }

  /**
   * TIMETZ text -> nanoseconds since midnight of the time in UTC ({@code 09:26:38+05:30} ->
   * 03:56:38), which is how Redshift stores TIMETZ.
   */
  public static long parseTimeTzNanosUtc(String s) {
    Cursor c = new Cursor(s);
    long micros = c.timeOfDayMicros() - c.offsetSeconds() * MICROS_PER_SECOND;
    c.end();
    return Math.floorMod(micros, MICROS_PER_DAY) * 1000L;
  }

  /** VARBYTE/GEOMETRY hex text (optionally with PostgreSQL's {@code \x} prefix) -> bytes. */
  public static byte[] parseHex(String s) {
    int from = s.startsWith("\\x") ? 2 : 0;
    if (((s.length() - from) & 1) != 0) {
      throw new IllegalArgumentException("Not a hex VARBYTE value: " + abbreviate(s));
    }
    try {
      return HexFormat.of().parseHex(s, from, s.length());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Not a hex VARBYTE value: " + abbreviate(s), e);
    }
  }

  private static final class Cursor {
    final String s;
    int i;
    int year;
    int month;
    int day;
    boolean bc;

    Cursor(String s) {
      this.s = s;
    }

    void date() {
      year = digits(4, 9);
      expect('-');
      month = digits(2, 2);
      expect('-');
      day = digits(2, 2);
    }

    /** Days since 1970-01-01 of the parsed date; year N BC is proleptic year 1 - N. */
    long epochDay() {
      try {
        return LocalDate.of(bc ? 1 - year : year, month, day).toEpochDay();
      } catch (DateTimeException e) {
        throw bad();
      }
    }

    void dateTimeSeparator() {
      if (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == 'T')) {
        i++;
      } else {
        throw bad();
      }
    }

    long timeOfDayMicros() {
      int h = digits(2, 2);
      expect(':');
      int m = digits(2, 2);
      expect(':');
      int sec = digits(2, 2);
      if (h > 24 || m > 59 || sec > 59 || (h == 24 && (m > 0 || sec > 0))) {
        throw bad();
      }
      long frac = 0;
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
        int start = i;
        while (i < s.length() && isDigit(s.charAt(i))) {
          frac = frac * 10 + (s.charAt(i) - '0');
          i++;
        }
        int n = i - start;
        if (n == 0 || n > 6) {
          throw bad();
        }
        for (; n < 6; n++) {
          frac *= 10;
        }
        if (h == 24 && frac > 0) {
          throw bad();
        }
      }
      return ((h * 60L + m) * 60L + sec) * MICROS_PER_SECOND + frac;
    }

    /** Optional {@code ±HH[[:]MM[[:]SS]]}; 0 when absent. */
    long offsetSeconds() {
      if (i >= s.length() || (s.charAt(i) != '+' && s.charAt(i) != '-')) {
        return 0;
      }
      int sign = s.charAt(i) == '-' ? -1 : 1;
      i++;
      int h = digits(2, 2);
      int m = 0;
      int sec = 0;
      if (i < s.length() && (s.charAt(i) == ':' || isDigit(s.charAt(i)))) {
        if (s.charAt(i) == ':') {
          i++;
        }
        m = digits(2, 2);
        if (i < s.length() && (s.charAt(i) == ':' || isDigit(s.charAt(i)))) {
          if (s.charAt(i) == ':') {
            i++;
          }
          sec = digits(2, 2);
        }
      }
      if (h > 18 || m > 59 || sec > 59) {
        throw bad();
      }
      return sign * ((h * 60L + m) * 60L + sec);
    }

    void era() {
      if (s.startsWith(" BC", i)) {
        bc = true;
        i += 3;
      } else if (s.startsWith(" AD", i)) {
        i += 3;
      }
    }

    void end() {
      if (i != s.length()) {
        throw bad();
      }
    }

    private int digits(int min, int max) {
      int start = i;
      int v = 0;
      while (i < s.length() && i - start < max && isDigit(s.charAt(i))) {
        v = v * 10 + (s.charAt(i) - '0');
        i++;
      }
      if (i - start < min) {
        throw bad();
      }
      return v;
    }

    private void expect(char ch) {
      if (i >= s.length() || s.charAt(i) != ch) {
        throw bad();
      }
      i++;
    }

    private static boolean isDigit(char ch) {
      return ch >= '0' && ch <= '9';
    }

    IllegalArgumentException bad() {
      return new IllegalArgumentException(
          "Cannot parse Redshift date/time text '" + abbreviate(s) + "'");
    }
  }

  /** {@code s}, cut to 64 characters for an error message. */
  static String abbreviate(String s) {
    return s.length() <= 64 ? s : s.substring(0, 61) + "...";
  }
}
