package dev.redshiftdata.spark.compat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import scala.Tuple2;
import scala.collection.Iterator;

/**
 * Java to Scala collections and back, written against what Scala 2.12 and 2.13 share ({@code
 * scala.jdk.javaapi.CollectionConverters} exists only from 2.13).
 */
public final class ScalaCollections {
  private ScalaCollections() {}

  /** An immutable Scala map with {@code map}'s entries. */
  public static <K, V> scala.collection.immutable.Map<K, V> immutableMap(Map<K, V> map) {
    scala.collection.immutable.Map<K, V> out = scala.collection.immutable.Map$.MODULE$.empty();
    for (Map.Entry<K, V> e : map.entrySet()) {
      out = out.updated(e.getKey(), e.getValue());
    }
    return out;
  }

  /** An immutable Scala list, which is a {@code Seq} on both Scala lines. */
  public static <T> scala.collection.immutable.List<T> list(List<T> items) {
    scala.collection.immutable.List<T> out = scala.collection.immutable.List$.MODULE$.empty();
    for (int i = items.size() - 1; i >= 0; i--) {
      out = out.$colon$colon(items.get(i));
    }
    return out;
  }

  /** A Java copy of a Scala map, in its iteration order. */
  public static <K, V> Map<K, V> toJava(scala.collection.Map<K, V> map) {
    Map<K, V> out = new LinkedHashMap<>();
    Iterator<Tuple2<K, V>> it = map.iterator();
    while (it.hasNext()) {
      Tuple2<K, V> e = it.next();
      out.put(e._1(), e._2());
    }
    return out;
  }

  /** A Java copy of a Scala sequence. */
  public static <T> List<T> toJava(scala.collection.Seq<T> seq) {
    List<T> out = new java.util.ArrayList<>();
    Iterator<T> it = seq.iterator();
    while (it.hasNext()) {
      out.add(it.next());
    }
    return out;
  }
}
