package dev.redshiftdata.spark.dataapi;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;

/**
 * Pages of a {@code NextToken}-paged Data API call, fetched lazily: the first page on the first
 * {@link #next()}, each further page only when asked for, so a consumer holds one page at a time.
 */
final class PageIterator<T> implements Iterator<T> {
  private final Function<String, T> fetch;
  private final Function<T, String> nextToken;
  private boolean started;
  private String token;

  /**
   * @param fetch fetches the page for a token ({@code null} for the first page)
   * @param nextToken reads a page's next token ({@code null} or empty on the last page)
   */
  PageIterator(Function<String, T> fetch, Function<T, String> nextToken) {
    this.fetch = Objects.requireNonNull(fetch, "fetch is null");
    this.nextToken = Objects.requireNonNull(nextToken, "nextToken is null");
  }

  @Override
  public boolean hasNext() {
    return !started || (token != null && !token.isEmpty());
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T page = fetch.apply(started ? token : null);
    started = true;
    token = nextToken.apply(page);
    return page;
  }
}
