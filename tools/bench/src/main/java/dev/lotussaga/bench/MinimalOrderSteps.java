package dev.lotussaga.bench;

import io.temporal.activity.ActivityInterface;

/**
 * The minimal saga's activities. Each step is one PostgreSQL transaction of the saga's shape (lock
 * the row, check, insert the effect keyed by the order id, update the row), then one Kafka record
 * published with acks=all; each compensation one transaction.
 */
@ActivityInterface
public interface MinimalOrderSteps {

  void charge(MinimalOrder order);

  void reserve(MinimalOrder order);

  void book(MinimalOrder order);

  void refund(MinimalOrder order);

  void release(MinimalOrder order);

  void unbook(MinimalOrder order);
}
