-- Staff list every buyer's orders, newest first (GET /order): read from this index, the listing costs
-- the same with a thousand orders or a million, instead of sorting the whole table.
create index customer_order_newest_first on customer_order (created_at desc);
