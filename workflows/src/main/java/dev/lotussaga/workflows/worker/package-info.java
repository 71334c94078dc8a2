/** How the saga's worker runs, where the defaults of the Temporal starter do not fit. */
package dev.lotussaga.workflows.worker;
