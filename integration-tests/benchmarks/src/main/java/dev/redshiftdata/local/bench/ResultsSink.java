package dev.redshiftdata.local.bench;

import java.util.ArrayList;
import java.util.List;

/** Collects what the workloads produce, in the order they ran. */
final class ResultsSink {
  final List<WorkloadResult> workloads = new ArrayList<>();
  final List<Check> checks = new ArrayList<>();
  final List<ScalingPoint> scaling = new ArrayList<>();
  final List<String> notes = new ArrayList<>();
}
