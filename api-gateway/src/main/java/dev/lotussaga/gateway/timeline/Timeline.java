package dev.lotussaga.gateway.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An order's timeline, oldest entry first.
 *
 * @param runId the workflow run the history belongs to; absent when the history could not be read
 * @param temporalCommand the temporal CLI command that shows the same workflow in full
 * @param source {@code workflow-history} when read from Temporal, {@code stored-states} when only
 *     the state changes the gateway saw on Kafka could be shown (the workflow is gone, for example
 *     after the in-memory test server restarted, or Temporal is unreachable)
 */
record Timeline(
    String orderId,
    String workflowId,
    @JsonInclude(JsonInclude.Include.NON_NULL) String runId,
    String temporalCommand,
    String source,
    List<TimelineEntry> entries) {

  static final String WORKFLOW_HISTORY = "workflow-history";
  static final String STORED_STATES = "stored-states";
}
