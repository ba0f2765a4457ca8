package dev.redshiftdata.spark.types;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The conversions option {@code allowNarrowing} lets a write make into a table column of a narrower
 * type, each checked value by value: a value the column cannot hold fails the write, naming the
 * column and the value, instead of loading another value. Pure.
 *
 * <ul>
 *   <li>an integer into a narrower integer ({@code long} into {@code INTEGER}): in range;
 *   <li>an integer into {@code REAL}/{@code DOUBLE PRECISION} it does not always fit: exact;
 *   <li>{@code double} into {@code REAL}: rounded to the nearest float; finite stays finite;
 *   <li>a decimal into a narrower decimal: rounded half up to the scale, within the precision;
 *   <li>a string into a number: the whole text (blanks trimmed) is the number, in range as above.
 * </ul>
 */
public final class Narrowing implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One narrowed column: input ordinal, its type, the table column's type and its name. */
  private record Column(int ordinal, DataType from, DataType to, String name)
      implements Serializable {}

  private final List<Column> columns;
  private final DataType[] inputTypes;

  private Narrowing(List<Column> columns, DataType[] inputTypes) {
    this.columns = columns;
    this.inputTypes = inputTypes;
  }

  /**
   * Whether {@code allowNarrowing} lets a value of type {@code in} go into a column {@code out}.
   */
  public static boolean narrowable(DataType in, DataType out) {
    boolean numberOut = isNumber(out);
    return numberOut && (isNumber(in) || in instanceof StringType);
  }

  private static boolean isNumber(DataType t) {
    return integralBits(t) > 0
        || t instanceof DoubleType
        || t instanceof FloatType
        || t instanceof DecimalType;
  }

  /**
   * The narrowing of rows of {@code input} written as {@code file}, whose column {@code i} comes
   * from input column {@code ordinals[i]}; {@code null} when no column is narrowed.
   *
   * @param compatible whether a pair of types converts with no value changing (no check needed)
   */
  public static Narrowing plan(
      StructType input,
      StructType file,
      int[] ordinals,
      BiPredicate<DataType, DataType> compatible) {
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < ordinals.length; i++) {
      StructField in = input.fields()[ordinals[i]];
      DataType to = file.fields()[i].dataType();
      if (!compatible.test(in.dataType(), to) && narrowable(in.dataType(), to)) {
        columns.add(new Column(ordinals[i], in.dataType(), to, in.name()));
      }
    }
    if (columns.isEmpty()) {
      return null;
    }
    DataType[] types = new DataType[input.fields().length];
    for (int i = 0; i < types.length; i++) {
      types[i] = input.fields()[i].dataType();
    }
    return new Narrowing(List.copyOf(columns), types);
  }

  /**
   * {@code input} with each narrowed column of the table column's type, as {@link #apply} gives.
   */
  public StructType narrowedInput(StructType input) {
    StructField[] out = input.fields().clone();
    for (Column c : columns) {
      StructField f = out[c.ordinal()];
      out[c.ordinal()] = new StructField(f.name(), c.to(), f.nullable(), f.metadata());
    }
    return new StructType(out);
  }

  /**
   * A copy of {@code row} with each narrowed column converted.
   *
   * @throws IllegalArgumentException naming the column and the value a column cannot hold
   */
  public InternalRow apply(InternalRow row) {
    Object[] values = new Object[inputTypes.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.isNullAt(i) ? null : row.get(i, inputTypes[i]);
    }
    for (Column c : columns) {
      Object v = values[c.ordinal()];
      if (v != null) {
        values[c.ordinal()] = convert(v, c.from(), c.to(), c.name());
      }
    }
    return new GenericInternalRow(values);
  }

  /** One value (Spark's internal form) of type {@code from} as type {@code to}. */
  static Object convert(Object value, DataType from, DataType to, String column) {
    if (from instanceof StringType) {
      String text = value.toString().trim();
      try {
        return fromNumber(parse(text, to), value, to, column);
      } catch (NumberFormatException e) {
        throw cannotHold(
            column, "'" + RedshiftText.abbreviate(value.toString()) + "'", to, "not a number");
      }
    }
    Object number = value instanceof Decimal d ? d.toJavaBigDecimal() : value;
    return fromNumber(number, value, to, column);
  }

  private static Object parse(String text, DataType to) {
    if (to instanceof DoubleType || to instanceof FloatType) {
      return Double.parseDouble(text);
    }
    return new BigDecimal(text);
  }

  private static Object fromNumber(Object number, Object original, DataType to, String column) {
    boolean integer =
        number instanceof Long
            || number instanceof Integer
            || number instanceof Short
            || number instanceof Byte;
    int bits = integralBits(to);
    if (bits > 0) {
      long v;
      try {
        v = integer ? ((Number) number).longValue() : exact(number).longValueExact();
      } catch (ArithmeticException e) {
        throw cannotHold(column, shown(original), to, "not an integer in range");
      }
      long max = (1L << (bits - 1)) - 1;
      if (v < -max - 1 || v > max) {
        throw cannotHold(column, shown(original), to, "out of range");
      }
      return bits == 16 ? (Object) (short) v : bits == 32 ? (Object) (int) v : (Object) v;
    }
    if (to instanceof DoubleType || to instanceof FloatType) {
      double d = ((Number) number).doubleValue();
      boolean asFloat = to instanceof FloatType;
      double rounded = asFloat ? (float) d : d;
      if (Double.isInfinite(rounded) && !(number instanceof Double && Double.isInfinite(d))) {
        throw cannotHold(column, shown(original), to, "out of range");
      }
      // integers (ids, counts) must stay exact; fractions round to the nearest binary value
      if (integer
          && new BigDecimal(rounded).compareTo(BigDecimal.valueOf(((Number) number).longValue()))
              != 0) {
        throw cannotHold(column, shown(original), to, "not exact");
      }
      return asFloat ? (Object) (float) d : (Object) d;
    }
    DecimalType dt = (DecimalType) to;
    Decimal d;
    try {
      d = Decimal.apply(exact(number));
    } catch (ArithmeticException e) {
      throw cannotHold(column, shown(original), to, "not a finite number");
    }
    if (!d.changePrecision(dt.precision(), dt.scale())) {
      throw cannotHold(column, shown(original), to, "out of range");
    }
    return d;
  }

  /** The exact decimal value of a number; NaN and infinities have none. */
  private static BigDecimal exact(Object number) {
    if (number instanceof BigDecimal b) {
      return b;
    }
    if (number instanceof Double || number instanceof Float) {
      double d = ((Number) number).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new ArithmeticException("not finite");
      }
      return BigDecimal.valueOf(d);
    }
    return BigDecimal.valueOf(((Number) number).longValue());
  }

  private static String shown(Object value) {
    return RedshiftText.abbreviate(value.toString());
  }

  private static IllegalArgumentException cannotHold(
      String column, String value, DataType to, String why) {
    return new IllegalArgumentException(
        "Cannot write column '"
            + column
            + "': value "
            + value
            + " does not fit the table's "
            + to.simpleString()
            + " ("
            + why
            + "; option 'allowNarrowing'). Nothing was loaded.");
  }

  /** Bits of an integral type; 0 for others. */
  private static int integralBits(DataType t) {
    if (t instanceof ByteType) {
      return 8;
    } else if (t instanceof ShortType) {
      return 16;
    } else if (t instanceof IntegerType) {
      return 32;
    } else if (t instanceof LongType) {
      return 64;
    }
    return 0;
  }
}
