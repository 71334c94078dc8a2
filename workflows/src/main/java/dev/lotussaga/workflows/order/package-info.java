/** The order saga itself: states, waits on signals, and the record of what happened. */
package dev.lotussaga.workflows.order;
