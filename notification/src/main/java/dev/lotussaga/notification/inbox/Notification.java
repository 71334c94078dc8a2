package dev.lotussaga.notification.inbox;

import java.time.Instant;

/** One stored notification, as the gateway shows it to the buyer. */
record Notification(
    long id, String orderId, long userId, String type, String message, Instant createdAt) {}
