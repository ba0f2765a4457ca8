package dev.redshiftdata.spark.dataapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class PageIteratorTest {
  @Test
  void fetchesLazilyFollowingTokens() {
    List<String> requested = new ArrayList<>();
    PageIterator<String> pages =
        new PageIterator<>(
            token -> {
              requested.add(String.valueOf(token));
              return token == null ? "p1" : token.equals("t1") ? "p2" : "p3";
            },
            page -> page.equals("p1") ? "t1" : page.equals("p2") ? "t2" : null);
    assertTrue(pages.hasNext());
    assertEquals(List.of(), requested, "nothing fetched before next()");
    assertEquals("p1", pages.next());
    assertEquals(List.of("null"), requested);
    assertEquals("p2", pages.next());
    assertEquals("p3", pages.next());
    assertFalse(pages.hasNext());
    assertEquals(Arrays.asList("null", "t1", "t2"), requested);
    assertThrows(NoSuchElementException.class, pages::next);
  }

  @Test
  void emptyTokenEndsPaging() {
    PageIterator<String> pages = new PageIterator<>(token -> "only", page -> "");
    assertEquals("only", pages.next());
    assertFalse(pages.hasNext());
  }
}
