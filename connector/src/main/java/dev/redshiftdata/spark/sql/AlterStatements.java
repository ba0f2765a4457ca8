package dev.redshiftdata.spark.sql;

import dev.redshiftdata.spark.config.RedshiftOption;
import dev.redshiftdata.spark.types.TypeMapping;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.connector.catalog.TableCatalog;
import org.apache.spark.sql.connector.catalog.TableChange;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.VarcharType;

/**
 * The Redshift statements of Spark's {@code ALTER TABLE} changes, one statement each (Redshift runs
 * some ALTER TABLE forms only outside a transaction block). Redshift can add a nullable column at
 * the end, drop or rename a column, widen a VARCHAR, change comments and the dist style, dist key
 * and sort key; every other change fails with a message saying so. Pure.
 */
public final class AlterStatements {

  private AlterStatements() {}

  /**
   * @param fold how the catalog folds a name (Redshift's case folding, or none)
   * @param existing the table's columns as Redshift reports them
   * @throws UnsupportedOperationException for a change Redshift cannot make
   */
  public static List<String> of(
      TableName table, TableChange change, UnaryOperator<String> fold, List<String> existing) {
    String t = table.quoted();
    List<String> out = new ArrayList<>();
    if (change instanceof TableChange.AddColumn add) {
      String column = column(table, add.fieldNames(), fold);
      if (add.position() != null) {
        throw refuse(table, "add a column at a position: Redshift adds columns at the end");
      }
      if (!add.isNullable()) {
        throw refuse(
            table,
            "add NOT NULL column '" + column + "': Redshift adds nullable columns only here");
      }
      String type =
          TypeMapping.redshiftDdlType(
              new StructField(column, add.dataType(), true, Metadata.empty()));
      out.add("ALTER TABLE " + t + " ADD COLUMN " + Identifiers.quote(column) + " " + type);
      if (add.comment() != null) {
        out.add(columnComment(t, column, add.comment()));
      }
    } else if (change instanceof TableChange.DeleteColumn delete) {
      String column = column(table, delete.fieldNames(), fold);
      if (Boolean.TRUE.equals(delete.ifExists()) && !existing.contains(column)) {
        return out;
      }
      out.add("ALTER TABLE " + t + " DROP COLUMN " + Identifiers.quote(column));
    } else if (change instanceof TableChange.RenameColumn rename) {
      String column = column(table, rename.fieldNames(), fold);
      out.add(
          "ALTER TABLE "
              + t
              + " RENAME COLUMN "
              + Identifiers.quote(column)
              + " TO "
              + Identifiers.quote(fold.apply(rename.newName())));
    } else if (change instanceof TableChange.UpdateColumnComment comment) {
      out.add(columnComment(t, column(table, comment.fieldNames(), fold), comment.newComment()));
    } else if (change instanceof TableChange.UpdateColumnType update) {
      String column = column(table, update.fieldNames(), fold);
      DataType type = update.newDataType();
      if (!(type instanceof VarcharType v)) {
        throw refuse(
            table,
            "change the type of column '"
                + column
                + "' to "
                + type.simpleString()
                + ": Redshift can only change a VARCHAR column's length (ALTER COLUMN ... TYPE"
                + " VARCHAR(n)). Create a new column or table and copy the data instead");
      }
      out.add(
          "ALTER TABLE "
              + t
              + " ALTER COLUMN "
              + Identifiers.quote(column)
              + " TYPE VARCHAR("
              + TypeMapping.varcharBytes(v.length())
              + ")");
    } else if (change instanceof TableChange.SetProperty set) {
      out.add(setProperty(table, set.property(), set.value(), fold));
    } else if (change instanceof TableChange.RemoveProperty remove
        && remove.property().equals(TableCatalog.PROP_COMMENT)) {
      out.add("COMMENT ON TABLE " + t + " IS NULL");
    } else {
      throw refuse(table, "make the change " + describe(change) + ": Redshift does not support it");
    }
    return out;
  }

  private static String setProperty(
      TableName table, String property, String value, UnaryOperator<String> fold) {
    String t = table.quoted();
    if (property.equals(TableCatalog.PROP_COMMENT)) {
      return "COMMENT ON TABLE " + t + " IS " + Literals.string(value);
    }
    Optional<RedshiftOption> option = RedshiftOption.fromName(property);
    if (option.isPresent()) {
      switch (option.get()) {
        case TABLE_COMMENT:
          return "COMMENT ON TABLE " + t + " IS " + Literals.string(value);
        case DIST_STYLE:
          String style = value.trim().toUpperCase(Locale.ROOT);
          if (!List.of("AUTO", "EVEN", "ALL", "KEY").contains(style)) {
            throw new IllegalArgumentException(
                "Invalid table property 'distStyle' = '"
                    + value
                    + "'. Use AUTO, EVEN, ALL, or set 'distKey' for KEY.");
          }
          if (style.equals("KEY")) {
            throw refuse(table, "set distStyle KEY alone: set 'distKey' to the key column");
          }
          return "ALTER TABLE " + t + " ALTER DISTSTYLE " + style;
        case DIST_KEY:
          return "ALTER TABLE "
              + t
              + " ALTER DISTKEY "
              + Identifiers.quote(fold.apply(value.trim()));
        case SORT_KEY:
          String trimmed = value.trim();
          if (trimmed.equalsIgnoreCase("AUTO") || trimmed.equalsIgnoreCase("NONE")) {
            return "ALTER TABLE " + t + " ALTER SORTKEY " + trimmed.toUpperCase(Locale.ROOT);
          }
          List<String> quoted = new ArrayList<>();
          for (String c : trimmed.split(",")) {
            if (!c.isBlank()) {
              quoted.add(Identifiers.quote(fold.apply(c.trim())));
            }
          }
          return "ALTER TABLE " + t + " ALTER SORTKEY (" + String.join(", ", quoted) + ")";
        default:
          break;
      }
    }
    throw refuse(
        table,
        "set table property '"
            + property
            + "': the catalog can set 'comment', 'distStyle', 'distKey' and 'sortKey'");
  }

  private static String columnComment(String table, String column, String comment) {
    return "COMMENT ON COLUMN "
        + table
        + "."
        + Identifiers.quote(column)
        + " IS "
        + (comment == null ? "NULL" : Literals.string(comment));
  }

  private static String column(TableName table, String[] fieldNames, UnaryOperator<String> fold) {
    if (fieldNames.length != 1) {
      throw refuse(
          table,
          "change nested field "
              + String.join(".", fieldNames)
              + ": Redshift columns have no nested fields (SUPER values are changed by writes)");
    }
    return fold.apply(fieldNames[0]);
  }

  private static String describe(TableChange change) {
    String name = change.getClass().getSimpleName();
    if (change instanceof TableChange.ColumnChange c) {
      return name + " of column " + Arrays.toString(c.fieldNames());
    }
    return name;
  }

  private static UnsupportedOperationException refuse(TableName table, String what) {
    return new UnsupportedOperationException(
        "Cannot alter table " + table.quoted() + ": cannot " + what + ".");
  }
}
