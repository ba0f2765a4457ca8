package dev.redshiftdata.spark.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.redshiftdata.spark.config.RedshiftOption.Scope;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Each scope's view parses exactly the options the registry gives that scope. */
class RedshiftOptionScopesTest {

  private static Set<RedshiftOption> readBy(Consumer<OptionLookup> view) {
    OptionLookup in =
        new OptionLookup(Map.of("database", "dev", "clusterIdentifier", "c1"), Map.of());
    view.accept(in);
    return in.consulted();
  }

  private static Set<RedshiftOption> registry(Scope scope) {
    return Stream.of(RedshiftOption.values())
        .filter(o -> o.scope() == scope)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(RedshiftOption.class)));
  }

  @Test
  void everyViewReadsItsScopeAndNothingElse() {
    assertEquals(registry(Scope.CONNECTION), readBy(ConnectionOptions::parse));
    assertEquals(registry(Scope.READ), readBy(ReadOptions::parse));
    assertEquals(registry(Scope.STAGING), readBy(StagingOptions::parse));
    assertEquals(registry(Scope.WRITE), readBy(WriteOptions::parse));
    assertEquals(registry(Scope.TABLE), readBy(TableDdlOptions::parse));
    assertEquals(registry(Scope.AMAZON_ML), readBy(AmazonMlOptions::new));
  }

  @Test
  void everyOptionHasAScopeAndGeneralIsWhatRedshiftOptionsReadsItself() {
    assertEquals(
        EnumSet.of(RedshiftOption.DBTABLE, RedshiftOption.QUERY, RedshiftOption.STRICT_OPTIONS),
        registry(Scope.GENERAL));
    int scoped = 0;
    for (Scope scope : Scope.values()) {
      scoped += registry(scope).size();
    }
    assertEquals(RedshiftOption.values().length, scoped);
  }
}
