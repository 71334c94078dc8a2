-- GET /notification?orderId=... reads one order's notifications.
create index notification_by_order on notification (order_id, created_at, id);
