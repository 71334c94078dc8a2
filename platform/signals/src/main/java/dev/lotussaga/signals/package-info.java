/**
 * Reliable wake-up of waiting orders. {@link dev.lotussaga.signals.WaitingLine} keeps who waits for
 * which resource, first come first served; a service that changes the resource calls {@link
 * dev.lotussaga.signals.SignalOutbox#enqueue} inside the same transaction, and {@link
 * dev.lotussaga.signals.SignalRelay} delivers the signal after commit, retrying each refused signal
 * on its own schedule and parking it for staff after its last attempt. {@link
 * dev.lotussaga.signals.OutboxBacklog} reports the backlog as gauges.
 */
package dev.lotussaga.signals;
