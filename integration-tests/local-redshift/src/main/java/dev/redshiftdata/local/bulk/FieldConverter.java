package dev.redshiftdata.local.bulk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks and converts one text field of a CSV or text COPY for its target column, the way Redshift
 * does (so MAXERROR can skip bad rows one by one): returns PostgreSQL COPY text, or throws {@link
 * FieldError} with Redshift's load error code and reason. Pure.
 */
final class FieldConverter {

  static final class FieldError extends Exception {
    final int code;

    FieldError(int code, String reason) {
      super(reason, null, false, false);
      this.code = code;
    }
  }

  private static final Pattern DEFAULT_DATE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}");
  private static final Pattern DEFAULT_TIMESTAMP =
      Pattern.compile(
          "\\d{4}-\\d{1,2}-\\d{1,2}[ T]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d{1,6})?)?([+-]\\d{2}(:?\\d{2})?|Z)?");
  private static final DateTimeFormatter PG_TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

  private final CopyCommand command;

  FieldConverter(CopyCommand command) {
    this.command = command;
  }

  /**
   * @param value the field after NULL handling (never null)
   */
  String convert(String value, TargetTable.Column target) throws FieldError {
    String type = target.typeName();
    switch (type) {
      case "int2", "int4", "int8" -> {
        String v = value.trim();
        try {
          long n = Long.parseLong(v);
          long max =
              type.equals("int2")
                  ? Short.MAX_VALUE
                  : type.equals("int4") ? Integer.MAX_VALUE : Long.MAX_VALUE;
          long min =
              type.equals("int2")
                  ? Short.MIN_VALUE
                  : type.equals("int4") ? Integer.MIN_VALUE : Long.MIN_VALUE;
          if (n > max || n < min) {
            throw new FieldError(
                LoadError.INVALID_DIGIT, "Overflow, Value '" + value + "', Type: " + intName(type));
          }
          return Long.toString(n);
        } catch (NumberFormatException e) {
          throw new FieldError(
              LoadError.INVALID_DIGIT,
              "Invalid digit, Value '"
                  + firstBad(v)
                  + "', Pos "
                  + firstBadPos(v)
                  + ", Type: "
                  + intName(type));
        }
      }
      case "numeric" -> {
        try {
          BigDecimal d = new BigDecimal(value.trim());
          // COPY truncates extra scale (20.259 into DECIMAL(8,2) is 20.25) unless ROUNDEC; INSERT
          // would round.
          return target.scale() >= 0
              ? scale(d, target.scale(), command.roundDecimals()).toPlainString()
              : d.toPlainString();
        } catch (NumberFormatException e) {
          throw new FieldError(
              LoadError.INVALID_DIGIT,
              "Invalid digit, Value '"
                  + firstBad(value)
                  + "', Pos "
                  + firstBadPos(value)
                  + ", Type: Decimal");
        }
      }
      case "float4", "float8" -> {
        String v = value.trim();
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.equals("nan")
            || lower.equals("inf")
            || lower.equals("infinity")
            || lower.equals("-inf")
            || lower.equals("-infinity")) {
          return lower.startsWith("-") ? "-Infinity" : lower.equals("nan") ? "NaN" : "Infinity";
        }
        try {
          Double.parseDouble(v);
          return v;
        } catch (NumberFormatException e) {
          throw new FieldError(
              LoadError.INVALID_DIGIT,
              "Invalid digit, Value '"
                  + firstBad(v)
                  + "', Pos "
                  + firstBadPos(v)
                  + ", Type: Double");
        }
      }
      case "bool" -> {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
          case "t", "true", "1", "y", "yes", "on" -> "t";
          case "f", "false", "0", "n", "no", "off" -> "f";
          default ->
              throw new FieldError(LoadError.OTHER, "Invalid boolean value: '" + value + "'");
        };
      }
      case "date" -> {
        String fmt = command.dateFormat();
        if (fmt == null && !DEFAULT_DATE.matcher(value.trim()).matches()) {
          throw new FieldError(
              LoadError.BAD_DATE_OR_TIME,
              "Invalid Date Format - length must be 10 or more, value '" + value + "'");
        }
        return value.trim();
      }
      case "timestamp", "timestamptz" -> {
        String fmt = command.timeFormat();
        if ("epochsecs".equals(fmt) || "epochmillisecs".equals(fmt)) {
          try {
            long n = Long.parseLong(value.trim());
            Instant i =
                fmt.equals("epochsecs") ? Instant.ofEpochSecond(n) : Instant.ofEpochMilli(n);
            return PG_TIMESTAMP.format(LocalDateTime.ofInstant(i, ZoneOffset.UTC)) + "+00";
          } catch (NumberFormatException e) {
            throw new FieldError(
                LoadError.BAD_DATE_OR_TIME, "Invalid timestamp value '" + value + "'");
          }
        }
        if (fmt == null && !DEFAULT_TIMESTAMP.matcher(value.trim()).matches()) {
          throw new FieldError(
              LoadError.BAD_DATE_OR_TIME,
              "Date value did not match format specified [YYYY-MM-DD HH:MI:SS]");
        }
        return value.trim();
      }
      case "varchar", "bpchar", "text" -> {
        String multibyte = target.multibyteCharReason(value);
        if (multibyte != null) {
          throw new FieldError(LoadError.INVALID_UTF8, multibyte);
        }
        if (target.tooLong(value)) {
          if (!command.truncateColumns()) {
            throw new FieldError(LoadError.TOO_LONG, "String length exceeds DDL length");
          }
          return target.truncateToFit(value);
        }
        return value;
      }
      case "bytea", "varbyte", "geometry", "geography" -> {
        // VARBYTE (and GEOMETRY as EWKB) travel as hex in text files, as UNLOAD writes them.
        String hex = value.trim();
        if (!hex.matches("(?i)[0-9a-f]*") || hex.length() % 2 != 0) {
          throw new FieldError(
              LoadError.OTHER, "Invalid hexadecimal value '" + value + "' for type " + type);
        }
        return "\\x" + hex;
      }
      default -> {
        return value;
      }
    }
  }

  /**
   * COPY truncates extra decimal scale unless ROUNDEC; applied after the table's scale is known by
   * PG.
   */
  static BigDecimal scale(BigDecimal d, int scale, boolean round) {
    return d.setScale(scale, round ? RoundingMode.HALF_UP : RoundingMode.DOWN);
  }

  private static String intName(String type) {
    return type.equals("int8") ? "Long" : type.equals("int2") ? "Short" : "Integer";
  }

  private static String firstBad(String v) {
    int pos = firstBadPos(v);
    return pos < v.length() ? String.valueOf(v.charAt(pos)) : v;
  }

  private static int firstBadPos(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (!(Character.isDigit(c)
          || ((c == '-' || c == '+') && i == 0)
          || c == '.'
          || c == 'e'
          || c == 'E')) {
        return i;
      }
    }
    return 0;
  }
}
