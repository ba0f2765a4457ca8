package dev.redshiftdata.spark.sql;

import dev.redshiftdata.spark.types.Narrowing;
import dev.redshiftdata.spark.types.TypeMapping;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Matches the columns of a DataFrame to the columns of the target table by name, case-insensitively
 * as Redshift folds names (an exact match wins over a case-insensitive one). COPY from Parquet
 * matches file columns by position, so the write path writes its files in the order this returns
 * and gives COPY the same explicit column list. Pure.
 *
 * <p>Compatible types: equal Spark types, and conversions no value can change ({@link
 * #compatible}): a narrower integer into a wider integer, a decimal with room for all its digits or
 * {@code DOUBLE PRECISION} ({@code byte}, {@code short} and {@code int} only; {@code REAL} takes
 * {@code byte} and {@code short}); {@code float} into {@code DOUBLE PRECISION}; a decimal into one
 * with at least as many integer and fraction digits; {@code timestamp} and {@code timestamp_ntz}
 * into either Redshift timestamp (a Spark {@code timestamp} into {@code TIMESTAMP} is stored as its
 * UTC wall-clock time; a {@code timestamp_ntz} into {@code TIMESTAMPTZ} is read as UTC). The files
 * are written in the table's types ({@link Match#fileSchema()}), so COPY never converts: the writer
 * casts where {@link #needsCast} says so, and relabels timestamps (the same microseconds).
 */
public final class ColumnMatcher {

  private ColumnMatcher() {}

  /**
   * Fails naming the first DataFrame column with an empty name: Redshift has no such column ({@code
   * ""} is not an identifier), so it could match nothing and no table could be created with it.
   */
  public static void requireNamedColumns(StructType input, String table) {
    StructField[] fields = input.fields();
    for (int i = 0; i < fields.length; i++) {
      if (fields[i].name().isEmpty()) {
        throw new IllegalArgumentException(
            "Cannot write to table "
                + table
                + ": column "
                + (i + 1)
                + " of the DataFrame (of "
                + fields.length
                + ") has an empty name \"\", which Redshift does not allow. Rename it in Spark,"
                + " e.g. withColumnRenamed(\"\", \"c"
                + (i + 1)
                + "\").");
      }
    }
  }

  /**
   * The matched columns, in target table order.
   *
   * @param targetColumns the target's column names, as Redshift reports them (the COPY column list)
   * @param inputOrdinals for each target column, the ordinal of the DataFrame column written to it
   * @param fileSchema the Parquet file schema: the table's names and Spark types, all nullable
   */
  public record Match(List<String> targetColumns, int[] inputOrdinals, StructType fileSchema) {
    /** Whether the DataFrame's columns are already in file order. */
    public boolean isIdentity(int inputWidth) {
      if (inputOrdinals.length != inputWidth) {
        return false;
      }
      for (int i = 0; i < inputOrdinals.length; i++) {
        if (inputOrdinals[i] != i) {
          return false;
        }
      }
      return true;
    }

    /**
     * Whether rows of {@code input} can be written as they are: in file order, with no column to
     * cast.
     */
    public boolean passesThrough(StructType input, boolean shiftsWallClocks) {
      if (!isIdentity(input.fields().length)) {
        return false;
      }
      for (int i = 0; i < inputOrdinals.length; i++) {
        if (needsCast(
            input.fields()[i].dataType(), fileSchema.fields()[i].dataType(), shiftsWallClocks)) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * @param input the DataFrame's schema
   * @param target the table's schema (from {@link TypeMapping}, with the Redshift type in the field
   *     metadata)
   * @param allowExtraTargetColumns whether table columns absent from the DataFrame are left to
   *     their defaults (otherwise an error)
   * @param table the table, for messages
   * @throws IllegalArgumentException naming the column, and both types when they are incompatible
   */
  public static Match match(
      StructType input, StructType target, boolean allowExtraTargetColumns, TableName table) {
    return match(input, target, allowExtraTargetColumns, false, table);
  }

  /**
   * As {@link #match(StructType, StructType, boolean, TableName)}; with {@code allowNarrowing}, a
   * column may also go into a narrower numeric column ({@link Narrowing}), each value checked.
   */
  public static Match match(
      StructType input,
      StructType target,
      boolean allowExtraTargetColumns,
      boolean allowNarrowing,
      TableName table) {
    String what = "Cannot write to table " + table.quoted() + ": ";
    int[] targetToInput = new int[target.fields().length];
    Arrays.fill(targetToInput, -1);
    StructField[] in = input.fields();
    for (int i = 0; i < in.length; i++) {
      int t = find(target, in[i].name());
      if (t < 0) {
        throw new IllegalArgumentException(
            what
                + "column '"
                + in[i].name()
                + "' of the DataFrame is not in the table, whose columns are "
                + String.join(", ", target.fieldNames())
                + ". Drop or rename it.");
      }
      if (targetToInput[t] >= 0) {
        throw new IllegalArgumentException(
            what
                + "columns '"
                + in[targetToInput[t]].name()
                + "' and '"
                + in[i].name()
                + "' of the DataFrame both match table column '"
                + target.fields()[t].name()
                + "' (Redshift folds names to lower case). Rename one of them.");
      }
      StructField tf = target.fields()[t];
      boolean narrows = Narrowing.narrowable(in[i].dataType(), tf.dataType());
      if (!compatible(in[i].dataType(), tf.dataType()) && !(allowNarrowing && narrows)) {
        throw new IllegalArgumentException(
            what
                + "column '"
                + in[i].name()
                + "' is "
                + in[i].dataType().simpleString()
                + " in the DataFrame but "
                + describe(tf)
                + " in the table. Cast it to "
                + tf.dataType().simpleString()
                + " (the connector converts only where no value can change)"
                + (narrows
                    ? ", or set option 'allowNarrowing' to true to convert it, checking each value."
                    : "."));
      }
      targetToInput[t] = i;
    }
    List<String> columns = new ArrayList<>();
    List<Integer> ordinals = new ArrayList<>();
    List<StructField> file = new ArrayList<>();
    for (int t = 0; t < targetToInput.length; t++) {
      StructField tf = target.fields()[t];
      if (targetToInput[t] < 0) {
        if (!allowExtraTargetColumns) {
          throw new IllegalArgumentException(
              what
                  + "table column '"
                  + tf.name()
                  + "' ("
                  + describe(tf)
                  + ") is not in the DataFrame, whose columns are "
                  + String.join(", ", input.fieldNames())
                  + ". Add it, or set option 'allowExtraTargetColumns' to true to leave it to its"
                  + " default.");
        }
        continue;
      }
      columns.add(tf.name());
      ordinals.add(targetToInput[t]);
      file.add(new StructField(tf.name(), tf.dataType(), true, Metadata.empty()));
    }
    return new Match(
        List.copyOf(columns),
        ordinals.stream().mapToInt(Integer::intValue).toArray(),
        new StructType(file.toArray(new StructField[0])));
  }

  private static int find(StructType schema, String name) {
    StructField[] fields = schema.fields();
    for (int i = 0; i < fields.length; i++) {
      if (fields[i].name().equals(name)) {
        return i;
      }
    }
    int match = -1;
    String lower = name.toLowerCase(Locale.ROOT);
    for (int i = 0; i < fields.length; i++) {
      if (fields[i].name().toLowerCase(Locale.ROOT).equals(lower)) {
        if (match >= 0) {
          return -1;
        }
        match = i;
      }
    }
    return match;
  }

  /**
   * Whether a DataFrame column of type {@code in} can be loaded into a column of Spark type {@code
   * out} without any value changing.
   */
  public static boolean compatible(DataType in, DataType out) {
    if (in.equals(out) || isTimestamp(in) && isTimestamp(out)) {
      return true;
    }
    if (in instanceof DecimalType a && out instanceof DecimalType b) {
      return b.scale() >= a.scale() && b.precision() - b.scale() >= a.precision() - a.scale();
    }
    int rank = integralRank(in);
    if (rank > 0) {
      if (out instanceof DecimalType d) {
        return d.precision() - d.scale() >= INTEGRAL_DIGITS[rank];
      }
      if (out instanceof DoubleType) {
        return rank <= 3; // a double holds every int exactly, not every long
      }
      if (out instanceof FloatType) {
        return rank <= 2;
      }
      return integralRank(out) > rank;
    }
    return in instanceof FloatType && out instanceof DoubleType;
  }

  /**
   * Whether the writer must cast a compatible {@code in} to {@code out}: not for equal types, nor
   * between the two timestamps (both are microseconds, relabelled as the file's type).
   */
  public static boolean needsCast(DataType in, DataType out) {
    return !in.equals(out) && !(isTimestamp(in) && isTimestamp(out));
  }

  /**
   * As {@link #needsCast(DataType, DataType)}; when {@code shiftsWallClocks} (option {@code
   * timestampType=ltz} in a zone other than UTC), the two timestamps are cast too: a {@code
   * TIMESTAMP} holds the session wall clock of a {@code timestamp}.
   */
  public static boolean needsCast(DataType in, DataType out, boolean shiftsWallClocks) {
    return needsCast(in, out)
        || shiftsWallClocks && isTimestamp(in) && isTimestamp(out) && !in.equals(out);
  }

  /**
   * For rows of {@code input} written as {@code file} (same columns, in order): identity ordinals
   * when a column must be cast, else null (the rows are written as they are).
   */
  public static int[] castOrdinals(StructType input, StructType file, boolean shiftsWallClocks) {
    for (int i = 0; i < file.fields().length; i++) {
      if (needsCast(input.fields()[i].dataType(), file.fields()[i].dataType(), shiftsWallClocks)) {
        return IntStream.range(0, file.fields().length).toArray();
      }
    }
    return null;
  }

  /**
   * {@code schema} with each top-level {@code timestamp} as {@code timestamp_ntz}: the columns a
   * write creates with option {@code timestampType=ltz} (a {@code TIMESTAMP}, as spark-redshift
   * creates) and the staged files' types for them.
   */
  public static StructType timestampsAsWallClocks(StructType schema) {
    StructField[] out = schema.fields().clone();
    for (int i = 0; i < out.length; i++) {
      StructField f = out[i];
      if (f.dataType() instanceof TimestampType) {
        out[i] = new StructField(f.name(), DataTypes.TimestampNTZType, f.nullable(), f.metadata());
      }
    }
    return new StructType(out);
  }

  private static boolean isTimestamp(DataType t) {
    return t instanceof TimestampType || t instanceof TimestampNTZType;
  }

  /** Decimal digits of the largest value of byte, short, int and long (by rank). */
  private static final int[] INTEGRAL_DIGITS = {0, 3, 5, 10, 19};

  private static int integralRank(DataType t) {
    if (t instanceof ByteType) {
      return 1;
    } else if (t instanceof ShortType) {
      return 2;
    } else if (t instanceof IntegerType) {
      return 3;
    } else if (t instanceof LongType) {
      return 4;
    }
    return 0;
  }

  private static String describe(StructField f) {
    Metadata m = f.metadata();
    String rs =
        m.contains(TypeMapping.METADATA_TYPE) ? m.getString(TypeMapping.METADATA_TYPE) : "?";
    if (m.contains(TypeMapping.METADATA_LENGTH)) {
      rs = rs + "(" + m.getLong(TypeMapping.METADATA_LENGTH) + ")";
    }
    return "Redshift " + rs + " (Spark " + f.dataType().simpleString() + ")";
  }

  /** The names, for messages. */
  static String names(StructType s) {
    return Arrays.stream(s.fieldNames()).collect(Collectors.joining(", "));
  }
}
