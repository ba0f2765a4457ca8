package dev.redshiftdata.spark.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.BoundReference;
import org.apache.spark.sql.catalyst.expressions.Cast;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.UnsafeProjection;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/** Spark's generated projections, to reorder and cast rows on executors. */
public final class RowProjections {
  private RowProjections() {}

  /**
   * Picks output column {@code i} from input column {@code ordinals[i]}, cast to {@code output}'s
   * type where {@code needsCast} says so, in time zone {@code zone} (which only casts between
   * {@code timestamp} and {@code timestamp_ntz} read). The returned row is reused by the next call.
   */
  public static UnaryOperator<InternalRow> select(
      StructType input,
      StructType output,
      int[] ordinals,
      BiPredicate<DataType, DataType> needsCast,
      String zone) {
    List<Expression> refs = new ArrayList<>();
    for (int i = 0; i < ordinals.length; i++) {
      DataType in = input.fields()[ordinals[i]].dataType();
      DataType out = output.fields()[i].dataType();
      Expression ref = new BoundReference(ordinals[i], in, true);
      refs.add(needsCast.test(in, out) ? new Cast(ref, out, scala.Option.apply(zone)) : ref);
    }
    UnsafeProjection projection = UnsafeProjection.create(ScalaCollections.list(refs));
    return projection::apply;
  }
}
