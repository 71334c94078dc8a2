package dev.lotussaga.gateway.attack;

/**
 * What valid requests need: real tokens and real orders.
 *
 * @param user bearer header of the buyer the requests act for
 * @param userEmail that buyer's email; its password is {@code Users.PASSWORD}
 * @param orderId one of the buyer's orders, waiting for funds
 * @param foreignOrderId an order of another buyer
 * @param runNonce makes this run's registrations unique in a database that keeps earlier runs'
 */
record Fixtures(
    String user,
    String userEmail,
    String staff,
    String orderId,
    String foreignOrderId,
    String runNonce) {}
