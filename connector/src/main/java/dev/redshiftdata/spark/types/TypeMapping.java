package dev.redshiftdata.spark.types;

import dev.redshiftdata.spark.compat.SparkTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.CharType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.sql.types.VarcharType;
import software.amazon.awssdk.services.redshiftdata.model.ColumnMetadata;

/**
 * Redshift <-> Spark type mapping. Pure; the README's type tables describe the same rules.
 *
 * <p>Every mapped field carries {@link #METADATA_TYPE} (the Redshift type name); character columns
 * also carry {@link #METADATA_LENGTH} (declared length in bytes), numerics {@link
 * #METADATA_PRECISION}/{@link #METADATA_SCALE}. The write direction reads them back, so a table
 * read and written again keeps CHAR/VARCHAR lengths, TIME, TIMETZ, SUPER and GEOMETRY.
 */
public final class TypeMapping {

  /** Field metadata key: Redshift's internal type name ({@code varchar}, {@code bpchar}, ...). */
  public static final String METADATA_TYPE = "redshift.type";

  /** Field metadata key: declared CHAR/VARCHAR length in bytes (long). */
  public static final String METADATA_LENGTH = "redshift.length";

  /** Field metadata key: declared numeric precision (long), for numerics. */
  public static final String METADATA_PRECISION = "redshift.precision";

  /** Field metadata key: declared numeric scale (long), for numerics. */
  public static final String METADATA_SCALE = "redshift.scale";

  /**
   * Field metadata key: true for a character column Redshift compares ignoring case (a {@code
   * CASE_INSENSITIVE} collation); absent otherwise.
   */
  public static final String METADATA_CASE_INSENSITIVE = "redshift.caseInsensitive";

  /** Redshift's maximum DECIMAL precision (and Spark's). */
  public static final int MAX_DECIMAL_PRECISION = 38;

  /**
   * Precision/scale used for a numeric reported without a usable precision (0 or above 38): what
   * the local Redshift reports for an unconstrained NUMERIC (a computed {@code sum}/{@code avg}).
   */
  public static final int UNCONSTRAINED_PRECISION = 38;

  public static final int UNCONSTRAINED_SCALE = 18;

  /** VARCHAR(MAX): Redshift's largest VARCHAR, used for strings without a known length. */
  public static final int MAX_VARCHAR_LENGTH = 65535;

  /** Redshift's largest CHAR. */
  public static final int MAX_CHAR_LENGTH = 4096;

  /** The most bytes one character takes in UTF-8, Redshift's encoding. */
  static final int MAX_BYTES_PER_CHARACTER = 4;

  private TypeMapping() {}

  // ---------------------------------------------------------------- Redshift -> Spark

  /** The Spark type of a Redshift column. */
  public static DataType sparkType(RedshiftType t, MappingOptions o) {
    return switch (t.typeName()) {
      case "int2" -> DataTypes.ShortType;
      case "int4" -> DataTypes.IntegerType;
      case "int8", "oid" -> DataTypes.LongType;
      case "numeric" -> decimalType(t);
      case "float4" -> DataTypes.FloatType;
      case "float8" -> DataTypes.DoubleType;
      case "bool" -> DataTypes.BooleanType;
      case "varchar", "bpchar", "char", "name", "hllsketch" -> DataTypes.StringType;
      case "date" -> DataTypes.DateType;
      case "timestamp" -> o.timestampAsLtz() ? DataTypes.TimestampType : DataTypes.TimestampNTZType;
      case "timestamptz" -> DataTypes.TimestampType;
      case "time", "timetz" -> o.timeTypeEnabled() ? SparkTypes.timeType() : DataTypes.StringType;
      case "super" -> o.superAsVariant() ? SparkTypes.variantType() : DataTypes.StringType;
      case "varbyte", "geometry", "geography" -> DataTypes.BinaryType;
      default -> throw unsupported(t);
    };
  }

  /** The Spark field of a Redshift column: name, type, nullability and metadata. */
  public static StructField field(RedshiftType t, MappingOptions o) {
    DataType type = sparkType(t, o);
    MetadataBuilder m = new MetadataBuilder().putString(METADATA_TYPE, t.typeName());
    if (RedshiftType.isCharacter(t.typeName())) {
      m.putLong(METADATA_LENGTH, t.length());
      if (t.caseInsensitive()) {
        m.putBoolean(METADATA_CASE_INSENSITIVE, true);
      }
    } else if (type instanceof DecimalType d) {
      m.putLong(METADATA_PRECISION, d.precision()).putLong(METADATA_SCALE, d.scale());
    }
    return new StructField(t.name(), type, t.isNullable(), m.build());
  }

  public static StructType schema(List<RedshiftType> columns, MappingOptions o) {
    StructField[] fields = new StructField[columns.size()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = field(columns.get(i), o);
    }
    return new StructType(fields);
  }

  /** Schema of DescribeTable's {@code ColumnList} or of result {@code ColumnMetadata}. */
  public static StructType schemaOfMetadata(List<ColumnMetadata> columns, MappingOptions o) {
    return schema(types(columns), o);
  }

  public static List<RedshiftType> types(List<ColumnMetadata> columns) {
    List<RedshiftType> out = new ArrayList<>(columns.size());
    for (ColumnMetadata c : columns) {
      out.add(RedshiftType.of(c));
    }
    return out;
  }

  static DecimalType decimalType(RedshiftType t) {
    int p = t.precision();
    if (p <= 0 || p > MAX_DECIMAL_PRECISION) {
      return DataTypes.createDecimalType(UNCONSTRAINED_PRECISION, UNCONSTRAINED_SCALE);
    }
    int s = Math.max(0, Math.min(t.scale(), p));
    return DataTypes.createDecimalType(p, s);
  }

  private static IllegalArgumentException unsupported(RedshiftType t) {
    return new IllegalArgumentException(
        "Cannot map column '"
            + t.name()
            + "': Redshift type '"
            + t.typeName()
            + "' is not supported");
  }

  // ---------------------------------------------------------------- Spark -> Redshift

  /**
   * The Redshift DDL type for a Spark field (write path: CREATE TABLE). Reads this class's metadata
   * keys when present: {@code redshift.type} {@code bpchar} gives CHAR(n), {@code time}/{@code
   * timetz}/{@code super}/{@code hllsketch} on a string give that type, {@code geometry}/{@code
   * geography} on binary give that type, {@code redshift.length} gives n.
   *
   * @throws IllegalArgumentException naming the field when Redshift has no type for it
   */
  public static String redshiftDdlType(StructField f) {
    DataType t = f.dataType();
    Metadata m = f.metadata();
    String rsType = m.contains(METADATA_TYPE) ? m.getString(METADATA_TYPE) : null;
    if (rsType == null) {
      Optional<String> peer = PeerMetadata.ddlType(f);
      if (peer.isPresent()) {
        return peer.get();
      }
    }
    if (t instanceof ShortType || t instanceof ByteType) {
      return "SMALLINT";
    } else if (t instanceof IntegerType) {
      return "INTEGER";
    } else if (t instanceof LongType) {
      return "BIGINT";
    } else if (t instanceof DecimalType d) {
      if (d.precision() > MAX_DECIMAL_PRECISION) {
        throw refuse(f, "DECIMAL precision " + d.precision() + " is above Redshift's maximum 38");
      }
      return "DECIMAL(" + d.precision() + "," + d.scale() + ")";
    } else if (t instanceof FloatType) {
      return "REAL";
    } else if (t instanceof DoubleType) {
      return "DOUBLE PRECISION";
    } else if (t instanceof BooleanType) {
      return "BOOLEAN";
    } else if (t instanceof CharType c) {
      return charDdl(f, c);
    } else if (t instanceof VarcharType v) {
      return "VARCHAR(" + varcharBytes(v.length()) + ")";
    } else if (t instanceof StringType) {
      return stringDdl(f, rsType, m);
    } else if (t instanceof DateType) {
      return "DATE";
    } else if (t instanceof TimestampNTZType) {
      return "TIMESTAMP";
    } else if (t instanceof TimestampType) {
      return "TIMESTAMPTZ";
    } else if (t instanceof BinaryType) {
      if ("geometry".equals(rsType) || "geography".equals(rsType)) {
        return rsType.toUpperCase(java.util.Locale.ROOT);
      }
      return "VARBYTE";
    } else if (SparkTypes.isTime(t)) {
      return "timetz".equals(rsType) ? "TIMETZ" : "TIME";
    } else if (SparkTypes.isVariant(t)) {
      return "SUPER";
    } else if (t instanceof StructType || t instanceof ArrayType || t instanceof MapType) {
      MapType badKeys = mapWithNonStringKeys(t);
      if (badKeys != null) {
        throw refuse(
            f,
            "a SUPER object's keys are strings, but "
                + badKeys.simpleString()
                + " has "
                + badKeys.keyType().simpleString()
                + " keys. Cast them to strings first, e.g. transform_keys(m, (k, v) -> cast(k as"
                + " string))");
      }
      return "SUPER";
    }
    throw refuse(f, "Spark type '" + t.simpleString() + "' has no Redshift equivalent");
  }

  /**
   * The Redshift VARCHAR length, in bytes, that holds any {@code characters} characters of a Spark
   * VARCHAR (which counts characters): 4 bytes each, capped at VARCHAR(MAX) = 65535 bytes. Above
   * 16383 characters the cap applies, so only strings of at most 65535 UTF-8 bytes fit.
   */
  public static long varcharBytes(int characters) {
    return Math.min((long) characters * MAX_BYTES_PER_CHARACTER, MAX_VARCHAR_LENGTH);
  }

  /**
   * Spark CHAR(n) stays Redshift CHAR(n), not VARCHAR(4n): a CHAR keeps its blank padding and its
   * fixed width (what a CHAR column is for), and for the single-byte characters it can hold, n
   * characters are n bytes so Spark's and Redshift's lengths agree. Redshift CHAR refuses multibyte
   * characters, so such a value fails the write (COPY's load error, the table unchanged); declare
   * VARCHAR(n) or STRING for those.
   */
  private static String charDdl(StructField f, CharType c) {
    if (c.length() > MAX_CHAR_LENGTH) {
      throw refuse(
          f,
          "CHAR("
              + c.length()
              + ") is above Redshift's maximum CHAR(4096); declare VARCHAR(n) or STRING instead");
    }
    return "CHAR(" + c.length() + ")";
  }

  /**
   * The first map, at any depth, whose keys are not strings: COPY SERIALIZETOJSON makes a map a
   * JSON object, whose keys are strings, and how Redshift would turn other keys into strings is not
   * documented, so such maps are refused rather than guessed at.
   */
  static MapType mapWithNonStringKeys(DataType t) {
    if (t instanceof MapType m) {
      if (!(m.keyType() instanceof StringType)) {
        return m;
      }
      return mapWithNonStringKeys(m.valueType());
    } else if (t instanceof ArrayType a) {
      return mapWithNonStringKeys(a.elementType());
    } else if (t instanceof StructType s) {
      for (StructField field : s.fields()) {
        MapType m = mapWithNonStringKeys(field.dataType());
        if (m != null) {
          return m;
        }
      }
    }
    return null;
  }

  private static String stringDdl(StructField f, String rsType, Metadata m) {
    if (rsType != null) {
      switch (rsType) {
        case "time":
          return "TIME";
        case "timetz":
          return "TIMETZ";
        case "super":
          return "SUPER";
        case "hllsketch":
          return "HLLSKETCH";
        default:
          break;
      }
    }
    long n = m.contains(METADATA_LENGTH) ? m.getLong(METADATA_LENGTH) : PeerMetadata.maxLength(f);
    if ("bpchar".equals(rsType) || "char".equals(rsType)) {
      if (n <= 0) {
        n = 1;
      }
      if (n > MAX_CHAR_LENGTH) {
        throw refuse(f, "CHAR(" + n + ") is above Redshift's maximum CHAR(4096)");
      }
      return "CHAR(" + n + ")";
    }
    if (n <= 0 || n > MAX_VARCHAR_LENGTH) {
      n = MAX_VARCHAR_LENGTH;
    }
    return "VARCHAR(" + n + ")";
  }

  private static IllegalArgumentException refuse(StructField f, String why) {
    return new IllegalArgumentException("Cannot write column '" + f.name() + "': " + why);
  }
}
