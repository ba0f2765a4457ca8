package dev.redshiftdata.local.dataapi;

import java.util.ArrayList;
import java.util.List;

/** What an operation tells the request log about the call it handled. */
final class CallContext {
  final List<String> sqls = new ArrayList<>();
  String statementId;
  String clientToken;
}
