package dev.redshiftdata.local.dataapi;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The live sessions by SessionId; expired ones are closed lazily on every lookup. */
final class Sessions {
  private final Map<String, Session> byId = new ConcurrentHashMap<>();

  void add(Session s) {
    byId.put(s.id(), s);
  }

  Session get(String id) {
    expire();
    return byId.get(id);
  }

  void expire() {
    Instant now = Instant.now();
    byId.values()
        .removeIf(
            s -> {
              if (s.expired(now)) {
                s.close();
                return true;
              }
              return false;
            });
  }

  int count() {
    expire();
    return byId.size();
  }

  void remove(Session s) {
    byId.remove(s.id());
    s.close();
  }

  void closeAll() {
    byId.values().forEach(Session::close);
    byId.clear();
  }
}
