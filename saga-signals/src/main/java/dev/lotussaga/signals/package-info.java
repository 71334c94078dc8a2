/**
 * Reliable wake-up of waiting orders. {@link dev.lotussaga.signals.WaitingLine} keeps who waits for
 * which resource, first come first served; a service that changes the resource calls {@link
 * dev.lotussaga.signals.SignalOutbox#enqueue} inside the same transaction, and {@link
 * dev.lotussaga.signals.SignalRelay} delivers the signal after commit, retrying until Temporal
 * takes it.
 */
package dev.lotussaga.signals;
