/**
 * Faults injected from inside the services for the faults suite; off unless {@code
 * lotus.faults.enabled=true}. Process kills and broker or database restarts come from outside.
 */
package dev.lotussaga.faultswitches;
