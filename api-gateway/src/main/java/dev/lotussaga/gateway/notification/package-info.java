/** The buyer's notifications, read from the notification service. */
package dev.lotussaga.gateway.notification;
