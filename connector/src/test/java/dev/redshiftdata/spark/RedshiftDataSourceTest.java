package dev.redshiftdata.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.sources.CreatableRelationProvider;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** What the save-mode route relies on in Spark's own classes, on the line being built. */
class RedshiftDataSourceTest {

  /** Spark's DataFrameWriter: classic on 4.x, the one class on 3.5. */
  private static Class<?> dataFrameWriter() throws ClassNotFoundException {
    for (String name :
        List.of(
            "org.apache.spark.sql.classic.DataFrameWriter",
            "org.apache.spark.sql.DataFrameWriter")) {
      try {
        Class<?> c = Class.forName(name);
        if (Arrays.stream(c.getDeclaredMethods()).anyMatch(m -> m.getName().equals("save"))
            && !java.lang.reflect.Modifier.isAbstract(c.getModifiers())) {
          return c;
        }
      } catch (ClassNotFoundException e) {
        // not this line's
      }
    }
    throw new ClassNotFoundException("no concrete DataFrameWriter");
  }

  @Test
  void sparkResolvesASavesTableInTheMethodTheRouteLooksFor() throws Exception {
    // RedshiftDataSource.calledBySave recognises df.write.save() by this compiled method name.
    List<String> names =
        Arrays.stream(dataFrameWriter().getDeclaredMethods()).map(Method::getName).toList();
    assertTrue(names.stream().anyMatch(n -> n.startsWith("getTable$")), names.toString());
  }

  @Test
  void theRouteHasNoBatchWriteSoSparkFallsBackToTheV1PathWithTheMode() {
    SaveRoute route = new SaveRoute("t", new StructType().add("id", DataTypes.LongType));
    assertTrue(route.capabilities().isEmpty());
    assertTrue(!route.capabilities().contains(TableCapability.BATCH_WRITE));
    assertTrue(CreatableRelationProvider.class.isAssignableFrom(RedshiftDataSource.class));
    assertTrue(new RedshiftDataSource().supportsDataType(DataTypes.CalendarIntervalType));
    assertEquals("t", route.name());
  }
}
