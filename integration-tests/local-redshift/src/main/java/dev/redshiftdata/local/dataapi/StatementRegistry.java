package dev.redshiftdata.local.dataapi;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * All statements by Id, the ClientToken index for idempotent replays, and the retention and
 * active-statement limits. Sub-statements are reached through their parent ("<id>:<n>").
 */
final class StatementRegistry {
  static final String ID_REGEX = "^[a-z0-9]{8}(-[a-z0-9]{4}){3}-[a-z0-9]{12}(:\\d+)?$";
  private static final Pattern ID = Pattern.compile(ID_REGEX);

  private record TokenEntry(String id, Instant at) {}

  private final Map<String, StatementRecord> byId = new ConcurrentHashMap<>();
  private final Map<String, TokenEntry> byToken = new ConcurrentHashMap<>();
  private final ServerSettings settings;

  StatementRegistry(ServerSettings settings) {
    this.settings = settings;
  }

  /**
   * Registers a new top-level statement unless its ClientToken was seen within the retention, in
   * which case the earlier statement is returned and nothing new runs. Also enforces the
   * active-statements quota.
   */
  synchronized StatementRecord registerOrReplay(
      String clientToken, java.util.function.Supplier<StatementRecord> create) {
    expire();
    if (clientToken != null) {
      TokenEntry e = byToken.get(clientToken);
      if (e != null && byId.containsKey(e.id())) {
        return byId.get(e.id());
      }
    }
    long active = byId.values().stream().filter(s -> s.status().active()).count();
    if (active >= settings.maxActiveStatements()) {
      throw new ApiException(
          "ActiveStatementsExceededException",
          400,
          "Active statements exceeded the allowed quota (" + settings.maxActiveStatements() + ").");
    }
    StatementRecord r = create.get();
    byId.put(r.id, r);
    if (clientToken != null) {
      byToken.put(clientToken, new TokenEntry(r.id, r.createdAt));
    }
    return r;
  }

  /**
   * The statement or sub-statement with this Id; validation and not-found errors as the service
   * gives them.
   */
  StatementRecord get(String id) {
    if (id == null) {
      throw ApiException.constraint("id", null, "Member must not be null");
    }
    if (!ID.matcher(id).matches()) {
      throw ApiException.validation("id must satisfy regex pattern: " + ID_REGEX);
    }
    expire();
    int colon = id.indexOf(':');
    StatementRecord top = byId.get(colon < 0 ? id : id.substring(0, colon));
    if (top == null) {
      throw ApiException.notFound(id);
    }
    if (colon < 0) {
      return top;
    }
    int n = Integer.parseInt(id.substring(colon + 1));
    List<StatementRecord> subs = top.subStatements;
    if (n < 1 || n > subs.size()) {
      throw ApiException.notFound(id);
    }
    return subs.get(n - 1);
  }

  /** Top-level statements, most recent first. */
  List<StatementRecord> list() {
    expire();
    return byId.values().stream()
        .sorted(Comparator.comparing((StatementRecord s) -> s.createdAt).reversed())
        .toList();
  }

  /**
   * Drops statements (and their results) past the result retention, and ClientTokens past theirs.
   */
  void expire() {
    Instant now = Instant.now();
    Instant results = now.minus(settings.resultRetention());
    byId.values().removeIf(s -> !s.status().active() && s.updatedAt().isBefore(results));
    Instant tokens = now.minus(settings.clientTokenRetention());
    byToken.values().removeIf(e -> e.at().isBefore(tokens));
  }
}
