package dev.lotussaga.delivery.booking;

import java.time.Instant;

record CourierSlot(long courierId, Instant start) {}
